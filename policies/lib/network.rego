# Network matching shared by the firewall rules of every provider (AWS security groups,
# Google Cloud firewalls, Azure network security groups): which sources mean "the whole
# internet", protocol names and numbers, and port ranges in their written forms.
package soc2gate.lib.network

# The CIDR ranges that cover every address.
anywhere_cidrs := {"0.0.0.0/0", "::/0"}

# The protocol, normalised: "all" for every protocol (`-1`, `all`, `*`), "tcp" for `tcp`
# or `6`, "udp" for `udp` or `17`, else the value in lower case. Undefined when unset or
# unknown.
protocol(p) := object.get(_aliases, t, t) if t := _protocol_text(p)

_protocol_text(p) := lower(p) if is_string(p)

_protocol_text(p) := format_int(p, 10) if is_number(p)

_aliases := {
	"-1": "all",
	"all": "all",
	"*": "all",
	"6": "tcp",
	"tcp": "tcp",
	"17": "udp",
	"udp": "udp",
}

# A port number written as a number or a numeric string; undefined otherwise.
port(x) := x if is_number(x)

port(x) := to_number(trim_space(x)) if {
	is_string(x)
	regex.match(`^\s*-?[0-9]+\s*$`, x)
}

# A port range as `[from, to]`: `22`, `"22"`, `"20-25"`, or `"*"` (every port).
# Undefined for anything else (an unknown value, a malformed range).
port_range(x) := [p, p] if p := port(x)

port_range("*") := [0, 65535]

port_range(x) := [from, to] if {
	is_string(x)
	parts := split(x, "-")
	count(parts) == 2
	from := port(parts[0])
	to := port(parts[1])
}

# The range `[from, to]` contains `p`.
range_contains(range, p) if {
	[from, to] := range
	from <= p
	p <= to
}

# The range covers every port (0 or 1 through 65535).
range_is_all(range) if {
	[from, to] := range
	from <= 1
	to >= 65535
}

# Load balancer listeners (`aws_lb_listener` and its alias `aws_alb_listener`) and the
# protocol they serve, with the provider's default when it is unset.
package soc2gate.lib.aws.lb

import data.soc2gate.lib.core

# Managed listeners of both resource types.
listeners := [l |
	some type_name in ["aws_lb_listener", "aws_alb_listener"]
	some l in core.resources(type_name)
	l.mode == "managed"
]

# The listener's `protocol` in upper case, when it is set and known.
known_protocol(l) := upper(p) if {
	core.known(l, ["protocol"])
	p := core.get(l, ["protocol"])
	is_string(p)
}

# The protocol the listener serves: its `protocol`, or, when unset, "HTTP", the
# provider's default for an Application Load Balancer, if the load balancer it references
# is in the module and is one (`load_balancer_type` unset or "application"). Undefined
# when it cannot be known (a Network or Gateway Load Balancer has no such default).
protocol(l) := known_protocol(l)

protocol(l) := "HTTP" if {
	core.unset(l, ["protocol"])
	balancers := _balancers(l)
	count(balancers) > 0
	every b in balancers {
		_application(b)
	}
}

# The load balancers of the module the listener's `load_balancer_arn` references.
_balancers(l) := [b |
	some address in object.get(l.refs, "load_balancer_arn", [])
	some b in core.resources_at(address)
	b.type in {"aws_lb", "aws_alb"}
	b.address == address
]

_application(b) if core.unset(b, ["load_balancer_type"])

_application(b) if core.value_is(b, ["load_balancer_type"], "application")

# How a message names a listener: by its port when known.
describe(l) := sprintf("listener on port %v", [port]) if {
	core.known(l, ["port"])
	port := core.get(l, ["port"])
}

describe(l) := "listener" if not _known_port(l)

_known_port(l) if {
	core.known(l, ["port"])
	core.get(l, ["port"])
}

# Whether the listener's load balancer is an application load balancer cannot be known:
# its reference names no balancer of the input, or that balancer's type is unknown.
balancer_in_doubt(l) if count(_balancers(l)) == 0

balancer_in_doubt(l) if {
	some b in _balancers(l)
	core.unknown(b, ["load_balancer_type"])
}

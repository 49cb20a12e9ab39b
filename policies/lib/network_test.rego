package soc2gate.lib.network_test

import data.soc2gate.lib.network

test_protocols if {
	network.protocol("-1") == "all"
	network.protocol(-1) == "all"
	network.protocol("*") == "all"
	network.protocol("ALL") == "all"
	network.protocol("6") == "tcp"
	network.protocol(6) == "tcp"
	network.protocol("Tcp") == "tcp"
	network.protocol("17") == "udp"
	network.protocol("icmp") == "icmp"
	not network.protocol(null)
}

test_port_ranges if {
	network.port_range(22) == [22, 22]
	network.port_range("3389") == [3389, 3389]
	network.port_range("20-25") == [20, 25]
	network.port_range("*") == [0, 65535]
	not network.port_range("ssh")
	not network.port_range("1-2-3")
	not network.port_range(null)
}

test_range_contains if {
	network.range_contains([20, 25], 22)
	network.range_contains([22, 22], 22)
	not network.range_contains([23, 65535], 22)
	network.range_is_all([0, 65535])
	network.range_is_all([1, 65535])
	not network.range_is_all([2, 65535])
}

test_anywhere if {
	"0.0.0.0/0" in network.anywhere_cidrs
	"::/0" in network.anywhere_cidrs
	not "10.0.0.0/8" in network.anywhere_cidrs
}

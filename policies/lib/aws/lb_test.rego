package soc2gate.lib.aws.lb_test

import data.soc2gate.lib.aws.inputs_test as t
import data.soc2gate.lib.aws.lb

alb := t.resource("aws_lb", "web", {"name": "web"})

nlb := t.resource("aws_lb", "tcp", {"name": "tcp", "load_balancer_type": "network"})

# A listener of `balancer` (load_balancer_arn = <balancer>.arn).
listener_of(name, balancer, values) := t.with_unknown(
	t.with_refs(t.resource("aws_lb_listener", name, values), {"load_balancer_arn": [balancer.address]}),
	["load_balancer_arn"],
)

test_listeners_of_both_types_managed_only if {
	a := t.resource("aws_lb_listener", "a", {})
	b := t.resource("aws_alb_listener", "b", {})
	c := t.data_source("aws_lb_listener", "c", {})
	got := lb.listeners with input as t.input_of([a, b, c])
	{x.address | some x in got} == {"aws_lb_listener.a", "aws_alb_listener.b"}
}

test_known_protocol_is_upper_case if {
	lb.protocol(t.resource("aws_lb_listener", "a", {"protocol": "https"})) == "HTTPS"
	lb.known_protocol(t.resource("aws_lb_listener", "a", {"protocol": "TLS"})) == "TLS"
	not lb.protocol(t.with_unknown(t.resource("aws_lb_listener", "a", {}), ["protocol"]))
}

test_unset_protocol_is_http_on_an_application_load_balancer if {
	b := alb
	l := listener_of("a", b, {"port": 80})
	got := lb.protocol(l) with input as t.input_of([b, l])
	got == "HTTP"
	not lb.known_protocol(l)
}

test_unset_protocol_with_explicit_application_type if {
	b := t.resource("aws_alb", "web", {"load_balancer_type": "application"})
	l := listener_of("a", b, {})
	got := lb.protocol(l) with input as t.input_of([b, l])
	got == "HTTP"
}

test_unset_protocol_is_not_judged_elsewhere if {
	n := nlb
	on_nlb := listener_of("a", n, {})
	not lb.protocol(on_nlb) with input as t.input_of([n, on_nlb])

	# The load balancer is not in the module, or its type is unknown.
	b := alb
	lone := listener_of("b", b, {})
	not lb.protocol(lone) with input as t.input_of([lone])
	unknown_type := t.with_unknown(t.resource("aws_lb", "web", {}), ["load_balancer_type"])
	l := listener_of("c", unknown_type, {})
	not lb.protocol(l) with input as t.input_of([unknown_type, l])
}

test_describe if {
	lb.describe(t.resource("aws_lb_listener", "a", {"port": 80})) == "listener on port 80"
	lb.describe(t.resource("aws_lb_listener", "a", {"port": "8080"})) == "listener on port 8080"
	lb.describe(t.with_unknown(t.resource("aws_lb_listener", "a", {}), ["port"])) == "listener"
}

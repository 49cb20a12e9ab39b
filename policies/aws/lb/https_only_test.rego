package soc2gate.aws.lb.https_only_test

import data.soc2gate.aws.lb.https_only
import data.soc2gate.lib.aws.inputs_test as t

redirect_https := {"type": "redirect", "redirect": [{"port": "443", "protocol": "HTTPS", "status_code": "HTTP_301"}]}

forward := {"type": "forward", "target_group_arn": null}

http_listener(actions) := t.with_unknown(
	t.resource("aws_lb_listener", "http", {"port": 80, "protocol": "HTTP", "default_action": actions}),
	["default_action[0].target_group_arn"],
)

# Deny for one listener.
found_for(l) := found if {
	found := https_only.deny with input as t.input_of([l])
}

test_forwarding_http_listener_fails_at_the_action_type if {
	found_for(http_listener([forward])) == {{
		"resource": "aws_lb_listener.http",
		"attribute": "default_action[0].type",
		"message": "listener on port 80 forwards plain HTTP instead of redirecting to HTTPS",
	}}
}

test_redirect_to_https_passes if {
	found_for(http_listener([redirect_https])) == set()
}

test_redirect_protocol_is_case_insensitive if {
	found_for(http_listener([object.union(redirect_https, {"redirect": [{"protocol": "https"}]})])) == set()
}

test_https_and_tls_listeners_are_not_judged if {
	https := t.resource("aws_lb_listener", "https", {"port": 443, "protocol": "HTTPS", "default_action": [{"type": "forward"}]})
	found_for(https) == set()
	tls := t.resource("aws_lb_listener", "tls", {"port": 443, "protocol": "TLS", "default_action": [{"type": "forward"}]})
	found_for(tls) == set()
}

test_alb_listener_alias_is_judged if {
	l := t.resource("aws_alb_listener", "http", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "forward"}]})
	found_for(l) == {{
		"resource": "aws_alb_listener.http",
		"attribute": "default_action[0].type",
		"message": "listener on port 80 forwards plain HTTP instead of redirecting to HTTPS",
	}}
}

test_fixed_response_fails if {
	found_for(http_listener([{"type": "fixed-response", "fixed_response": [{"content_type": "text/plain", "status_code": "404"}]}])) == {{
		"resource": "aws_lb_listener.http",
		"attribute": "default_action[0].type",
		"message": "listener on port 80 answers plain HTTP with a fixed response instead of redirecting to HTTPS",
	}}
}

test_redirect_to_http_fails_at_the_redirect_protocol if {
	found_for(http_listener([{"type": "redirect", "redirect": [{"port": "8080", "protocol": "HTTP", "status_code": "HTTP_302"}]}])) == {{
		"resource": "aws_lb_listener.http",
		"attribute": "default_action[0].redirect[0].protocol",
		"message": "listener on port 80 redirects to HTTP instead of HTTPS",
	}}
}

test_redirect_without_protocol_fails_at_the_redirect_block if {
	# The provider default "#{protocol}" keeps the request's own protocol.
	found_for(http_listener([{"type": "redirect", "redirect": [{"host": "example.com", "status_code": "HTTP_301"}]}])) == {{
		"resource": "aws_lb_listener.http",
		"attribute": "default_action[0].redirect[0]",
		"message": `listener on port 80 redirects without protocol = "HTTPS", so the redirect keeps plain HTTP`,
	}}
}

test_authentication_then_forward_points_at_the_forward if {
	auth := {"type": "authenticate-cognito", "order": 1}
	found := found_for(http_listener([auth, {"type": "forward", "order": 2}]))
	[v] := [x | some x in found]
	v.attribute == "default_action[1].type"
}

test_listener_without_default_action_fails_at_the_header if {
	l := t.resource("aws_lb_listener", "http", {"port": 80, "protocol": "HTTP"})
	found_for(l) == {{
		"resource": "aws_lb_listener.http",
		"attribute": "",
		"message": "listener on port 80 has no default action redirecting to HTTPS",
	}}
}

test_unset_protocol_on_an_application_load_balancer_fails if {
	b := t.resource("aws_lb", "web", {"internal": false})
	l := t.with_unknown(
		t.with_refs(t.resource("aws_lb_listener", "default", {"port": 80, "default_action": [{"type": "forward"}]}), {"load_balancer_arn": ["aws_lb.web"]}),
		["load_balancer_arn"],
	)
	found := https_only.deny with input as t.input_of([b, l])
	found == {{
		"resource": "aws_lb_listener.default",
		"attribute": "default_action[0].type",
		"message": "listener on port 80 (protocol unset, HTTP by default) forwards plain HTTP instead of redirecting to HTTPS",
	}}
}

test_unset_protocol_on_a_network_load_balancer_is_not_judged if {
	b := t.resource("aws_lb", "tcp", {"load_balancer_type": "network"})
	l := t.with_refs(t.resource("aws_lb_listener", "tcp", {"port": 80, "default_action": [{"type": "forward"}]}), {"load_balancer_arn": ["aws_lb.tcp"]})
	found := https_only.deny with input as t.input_of([b, l])
	found == set()
}

test_unknown_protocol_stays_silent if {
	l := t.with_unknown(t.resource("aws_lb_listener", "http", {"port": 80, "default_action": [forward]}), ["protocol"])
	found_for(l) == set()
}

test_unknown_action_type_stays_silent if {
	l := t.with_unknown(t.resource("aws_lb_listener", "http", {"port": 80, "protocol": "HTTP", "default_action": [{}]}), ["default_action[0].type"])
	found_for(l) == set()
}

test_unknown_redirect_protocol_stays_silent if {
	l := t.with_unknown(
		t.resource("aws_lb_listener", "http", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"status_code": "HTTP_301"}]}]}),
		["default_action[0].redirect[0].protocol"],
	)
	found_for(l) == set()
}

test_dynamic_default_action_stays_silent if {
	l := t.with_unknown(t.resource("aws_lb_listener", "http", {"port": 80, "protocol": "HTTP"}), ["default_action"])
	found_for(l) == set()
}

test_unknown_port_is_left_out_of_the_message if {
	l := t.with_unknown(t.resource("aws_lb_listener", "http", {"protocol": "HTTP", "default_action": [forward]}), ["port"])
	found := found_for(l)
	[v] := [x | some x in found]
	v.message == "listener forwards plain HTTP instead of redirecting to HTTPS"
}

test_listener_data_sources_are_not_judged if {
	l := t.data_source("aws_lb_listener", "http", {"port": 80, "protocol": "HTTP", "default_action": [forward]})
	found_for(l) == set()
}

elb(listeners) := t.resource("aws_elb", "web", {"name": "web", "listener": listeners})

test_classic_http_listener_fails_at_its_protocol if {
	l := elb([
		{"lb_port": 443, "lb_protocol": "https", "instance_port": 80, "instance_protocol": "http"},
		{"lb_port": 80, "lb_protocol": "HTTP", "instance_port": 80, "instance_protocol": "http"},
	])
	found := https_only.deny with input as t.input_of([l])
	found == {{
		"resource": "aws_elb.web",
		"attribute": "listener[1].lb_protocol",
		"message": "classic load balancer aws_elb.web serves plain HTTP on its HTTP listener on port 80; a classic load balancer cannot redirect, so serve HTTPS only or use an Application Load Balancer that redirects to HTTPS",
	}}
}

test_classic_tcp_listener_fails_on_port_80_only if {
	l := elb([
		{"lb_port": 80, "lb_protocol": "tcp", "instance_port": 80, "instance_protocol": "tcp"},
		{"lb_port": 5432, "lb_protocol": "tcp", "instance_port": 5432, "instance_protocol": "tcp"},
		{"lb_port": 443, "lb_protocol": "ssl", "instance_port": 80, "instance_protocol": "tcp"},
	])
	found := https_only.deny with input as t.input_of([l])
	{v.attribute | some v in found} == {"listener[0].lb_protocol"}
}

test_classic_listener_with_unknown_values_is_not_judged if {
	l := t.with_unknown(elb([{"lb_port": 80, "instance_port": 80}, {"lb_protocol": "tcp", "instance_port": 80}]), ["listener[0].lb_protocol", "listener[1].lb_port"])
	found := https_only.deny with input as t.input_of([l])
	found == set()
}

# METADATA
# title: Load balancer HTTP listeners redirect to HTTPS
# description: >-
#   An `aws_lb_listener` (or `aws_alb_listener`) that serves plain HTTP must only redirect
#   clients to HTTPS: its default action must be a `redirect` with `protocol = "HTTPS"`.
#   A listener whose default action forwards or answers over HTTP is reported, and so is
#   a redirect without `protocol`, whose provider default `#{protocol}` keeps plain HTTP.
#   A listener without `protocol` serves HTTP, the provider default, when its load
#   balancer is in the module and is an Application Load Balancer (`load_balancer_type`
#   unset or "application"). A classic load balancer (`aws_elb`) cannot redirect, so
#   each of its `listener` blocks that serves plain HTTP is reported: `lb_protocol =
#   "http"`, or `"tcp"` on port 80. A protocol, port, default action type or redirect
#   protocol that cannot be known statically, or a `dynamic` default action or listener,
#   is not judged.
# custom:
#   id: aws-lb-https-only
#   severity: high
#   controls: [CC6.7]
#   resource_types: [aws_lb_listener, aws_alb_listener, aws_lb, aws_alb, aws_elb]
#   remediation: |
#     Serve content only on an HTTPS listener, and make the HTTP listener redirect to it:
#
#     ```hcl
#     resource "aws_lb_listener" "http" {
#       load_balancer_arn = aws_lb.web.arn
#       port              = 80
#       protocol          = "HTTP"
#
#       default_action {
#         type = "redirect"
#         redirect {
#           port        = "443"
#           protocol    = "HTTPS"
#           status_code = "HTTP_301"
#         }
#       }
#     }
#     ```
#
#     A classic load balancer (`aws_elb`) cannot redirect: give it only HTTPS listeners
#     (`lb_protocol = "https"` with an `ssl_certificate_id`), or move to an Application
#     Load Balancer with the redirect above.
package soc2gate.aws.lb.https_only

import data.soc2gate.lib.aws.lb
import data.soc2gate.lib.core

deny contains v if {
	some l in lb.listeners
	lb.protocol(l) == "HTTP"
	not _may_redirect_to_https(l)
	[attribute, message] := _offending(l)
	v := core.violation(l, attribute, message)
}

# A classic load balancer listener that serves plain HTTP.
deny contains v if {
	some elb in core.resources("aws_elb")
	elb.mode == "managed"
	some i, _ in object.get(elb.values, "listener", [])
	path := ["listener", i, "lb_protocol"]
	core.known(elb, path)
	protocol := lower(core.get(elb, path))
	_classic_plain_http(elb, i, protocol)
	v := core.violation(elb, core.path_text(path), sprintf(
		"classic load balancer %s serves plain HTTP on its %s listener%s; a classic load balancer cannot redirect, so serve HTTPS only or use an Application Load Balancer that redirects to HTTPS",
		[elb.address, upper(protocol), _on_port(elb, i)],
	))
}

_on_port(elb, i) := sprintf(" on port %v", [port]) if {
	core.known(elb, ["listener", i, "lb_port"])
	port := core.get(elb, ["listener", i, "lb_port"])
} else := ""

_classic_plain_http(_, _, "http") := true

_classic_plain_http(elb, i, "tcp") if {
	path := ["listener", i, "lb_port"]
	core.known(elb, path)
	to_number(core.get(elb, path)) == 80
}

_actions(l) := object.get(l.values, "default_action", [])

# Some default action redirects to HTTPS, or might once unknown values are known.
_may_redirect_to_https(l) if core.unknown(l, ["default_action"])

_may_redirect_to_https(l) if {
	some i, _ in _actions(l)
	core.unknown(l, ["default_action", i, "type"])
}

_may_redirect_to_https(l) if {
	some i, action in _actions(l)
	_is_redirect(action)
	_redirect_protocol_unknown(l, i)
}

_may_redirect_to_https(l) if {
	some action in _actions(l)
	_is_redirect(action)
	upper(action.redirect[0].protocol) == "HTTPS"
}

_is_redirect(action) if lower(action.type) == "redirect"

_redirect_protocol_unknown(l, i) if core.unknown(l, ["default_action", i, "redirect", 0, "protocol"])

# What to point at, and why: a redirect to the wrong protocol first, then the first
# action that is not an authentication step, then the listener itself.
_offending(l) := [attribute, message] if {
	i := min({j | some j, action in _actions(l); _is_redirect(action)})
	[attribute, message] := _redirect_problem(l, i)
}

_offending(l) := [attribute, message] if {
	not _has_redirect(l)
	i := min({j | some j, action in _actions(l); not startswith(lower(action.type), "authenticate")})
	action := _actions(l)[i]
	attribute := sprintf("default_action[%d].type", [i])
	message := sprintf("%s %s instead of redirecting to HTTPS", [_subject(l), _verb(lower(action.type))])
}

_offending(l) := ["", message] if {
	not _has_redirect(l)
	not _has_final_action(l)
	message := sprintf("%s has no default action redirecting to HTTPS", [_subject(l)])
}

_has_redirect(l) if {
	some action in _actions(l)
	_is_redirect(action)
}

_has_final_action(l) if {
	some action in _actions(l)
	not startswith(lower(action.type), "authenticate")
}

_redirect_problem(l, i) := [attribute, message] if {
	protocol := _actions(l)[i].redirect[0].protocol
	attribute := sprintf("default_action[%d].redirect[0].protocol", [i])
	message := sprintf("%s redirects to %s instead of HTTPS", [_subject(l), protocol])
}

_redirect_problem(l, i) := [attribute, message] if {
	not _actions(l)[i].redirect[0].protocol
	attribute := sprintf("default_action[%d].redirect[0]", [i])
	message := sprintf(
		`%s redirects without protocol = "HTTPS", so the redirect keeps plain HTTP`,
		[_subject(l)],
	)
}

_verb(type_name) := "forwards plain HTTP" if type_name == "forward"

_verb(type_name) := "answers plain HTTP with a fixed response" if type_name == "fixed-response"

_verb(type_name) := sprintf("handles plain HTTP with a %s action", [type_name]) if {
	not type_name in {"forward", "fixed-response"}
}

# The listener, and why it serves HTTP when `protocol` is unset.
_subject(l) := lb.describe(l) if lb.known_protocol(l)

_subject(l) := sprintf("%s (protocol unset, HTTP by default)", [lb.describe(l)]) if {
	not lb.known_protocol(l)
}

# What the rule could not judge: a listener whose protocol cannot be known, and an HTTP
# listener whose default action may redirect to HTTPS through a value that cannot be known.
undetermined contains v if {
	some l in lb.listeners
	not lb.protocol(l)
	some v in core.unknown_at(l, [["protocol"]])
}

undetermined contains v if {
	some l in lb.listeners
	not lb.protocol(l)
	core.unset(l, ["protocol"])
	lb.balancer_in_doubt(l)
	v := core.violation(l, "", sprintf(
		"%s sets no protocol, and whether its load balancer is an application load balancer (then the protocol is HTTP) cannot be known statically",
		[lb.describe(l)],
	))
}

undetermined contains v if {
	some l in lb.listeners
	lb.protocol(l) == "HTTP"
	_may_redirect_to_https(l)
	not _redirects_to_https(l)
	v := core.violation(l, "default_action", sprintf(
		"whether the default action of %s redirects to HTTPS cannot be known statically",
		[lb.describe(l)],
	))
}

_redirects_to_https(l) if {
	some i, action in _actions(l)
	core.known(l, ["default_action", i, "type"])
	_is_redirect(action)
	core.known(l, ["default_action", i, "redirect", 0, "protocol"])
	upper(action.redirect[0].protocol) == "HTTPS"
}

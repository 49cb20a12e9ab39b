# METADATA
# title: Load balancer TLS listeners require TLS 1.2 or newer
# description: >-
#   An `aws_lb_listener` (or `aws_alb_listener`) with protocol `HTTPS` or `TLS` must set
#   `ssl_policy` to an ELB security policy whose minimum protocol version is at least
#   `min_tls_version` (1.2 by default; set it to 1.3 to require TLS 1.3 only). When
#   `ssl_policy` is unset the provider leaves the choice to AWS, whose default
#   `ELBSecurityPolicy-2016-08` still accepts TLS 1.0, so the listener is reported. TLS
#   1.2+ policies are `ELBSecurityPolicy-TLS13-1-2-*` (and their `-Res-`, `-Ext1-`,
#   `-Ext2-`, FIPS and post-quantum `-PQ-` variants), `ELBSecurityPolicy-TLS-1-2-*` and
#   `ELBSecurityPolicy-FS-1-2-*`; `ELBSecurityPolicy-TLS13-1-3-*` accepts TLS 1.3 only.
#   Older ones (`ELBSecurityPolicy-2016-08`, `-2015-05`, `-TLS-1-0-*`, `-TLS-1-1-*`,
#   `-FS-2018-06`, `-FS-1-1-*`, `-TLS13-1-0-*`, `-TLS13-1-1-*`) and names that are not
#   ELB security policies are reported. A protocol or `ssl_policy` that cannot be known
#   statically is not judged.
# custom:
#   id: aws-lb-modern-tls
#   severity: high
#   controls: [CC6.7]
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   params:
#     min_tls_version: "1.2"
#   remediation: |
#     Set a TLS 1.2+ security policy on every HTTPS or TLS listener, for example the
#     one AWS recommends:
#
#     ```hcl
#     resource "aws_lb_listener" "https" {
#       load_balancer_arn = aws_lb.web.arn
#       port              = 443
#       protocol          = "HTTPS"
#       ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#       certificate_arn   = aws_acm_certificate.web.arn
#
#       default_action {
#         type             = "forward"
#         target_group_arn = aws_lb_target_group.web.arn
#       }
#     }
#     ```
#
#     With `min_tls_version = "1.3"`, use `ELBSecurityPolicy-TLS13-1-3-2021-06`.
package soc2gate.aws.lb.modern_tls

import data.soc2gate.lib.aws.lb
import data.soc2gate.lib.core

# The parameter, "1.2" or "1.3" (`soc2gate.toml` can change it).
default min_tls_version := "1.2"

min_tls_version := data.params["aws-lb-modern-tls"].min_tls_version

# Undefined for a value that is not a version, which `invalid_params` reports.
_required := to_number(min_tls_version) if _is_version(min_tls_version)

_is_version(v) if is_number(v)

_is_version(v) if {
	is_string(v)
	regex.match(`^[0-9]+(\.[0-9]+)?$`, v)
}

# Only the versions AWS has security policies for: any other value would make the rule
# judge every listener wrongly, so loading the rule fails instead.
invalid_params contains msg if {
	not min_tls_version in {"1.2", "1.3"}
	msg := sprintf(`min_tls_version must be "1.2" or "1.3", not %s`, [json.marshal(min_tls_version)])
}

_default_policy := "ELBSecurityPolicy-2016-08"

deny contains v if {
	some l in lb.listeners
	protocol := lb.known_protocol(l)
	protocol in {"HTTPS", "TLS"}
	core.unset(l, ["ssl_policy"])
	v := core.violation(l, "", sprintf(
		"%s has no ssl_policy: the default %s accepts TLS 1.0; set a policy with a minimum of TLS %s such as %s",
		[_describe(l), _default_policy, _version_text, _suggested],
	))
}

deny contains v if {
	some l in lb.listeners
	lb.known_protocol(l) in {"HTTPS", "TLS"}
	core.known(l, ["ssl_policy"])
	policy := core.get(l, ["ssl_policy"])
	is_string(policy)
	not _meets(policy)
	v := core.violation(l, "ssl_policy", _message(l, policy))
}

# "HTTPS listener on port 443".
_describe(l) := sprintf("%s %s", [lb.known_protocol(l), lb.describe(l)])

_meets(policy) if minimum_version(policy) >= _required

_message(l, policy) := sprintf(
	"%s uses %s, which accepts TLS %s; set a policy with a minimum of TLS %s such as %s",
	[_describe(l), policy, _text(minimum_version(policy)), _version_text, _suggested],
)

_message(l, policy) := sprintf(
	"%s uses %q, which is not an ELB security policy known to require TLS %s; use one such as %s",
	[_describe(l), policy, _version_text, _suggested],
) if not minimum_version(policy)

# The oldest TLS version an ELB security policy accepts, as a number (1.0 to 1.3), read
# from its name: AWS names them by their minimum version since 2017.
minimum_version(policy) := to_number(sprintf("1.%s", [m[1]])) if {
	m := regex.find_all_string_submatch_n(`^ELBSecurityPolicy-TLS13-1-([0-3])-`, policy, 1)[0]
}

minimum_version(policy) := to_number(sprintf("1.%s", [m[2]])) if {
	m := regex.find_all_string_submatch_n(`^ELBSecurityPolicy-(TLS|FS)-1-([0-2])-`, policy, 1)[0]
}

# The date-named policies (2014-10 to 2016-08, FS-2018-06) all accept TLS 1.0.
minimum_version(policy) := 1.0 if regex.match(`^ELBSecurityPolicy-(FS-)?[0-9]{4}-[0-9]{2}$`, policy)

_text(n) := sprintf("%.1f", [n])

_version_text := _text(_required)

_suggested := "ELBSecurityPolicy-TLS13-1-3-2021-06" if _required > 1.2

_suggested := "ELBSecurityPolicy-TLS13-1-2-2021-06" if _required <= 1.2

# What the rule could not judge: a listener whose protocol cannot be known, and an HTTPS or
# TLS listener whose ssl_policy cannot be known.
undetermined contains v if {
	some l in lb.listeners
	some v in core.unknown_at(l, [["protocol"]])
}

undetermined contains v if {
	some l in lb.listeners
	lb.known_protocol(l) in {"HTTPS", "TLS"}
	some v in core.unknown_at(l, [["ssl_policy"]])
}

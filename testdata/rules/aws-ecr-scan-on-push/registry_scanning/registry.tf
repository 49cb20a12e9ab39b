# soc2gate-test: no findings
# Enhanced scanning for the registry: continuous for the billing/ repositories, manual
# for the sandbox ones. An account-level setting: its rules apply to the repositories of
# every module of the scan.
resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "billing/*"
      filter_type = "WILDCARD"
    }
  }

  rule {
    scan_frequency = "MANUAL"
    repository_filter {
      filter      = "sandbox-*"
      filter_type = "WILDCARD"
    }
  }
}

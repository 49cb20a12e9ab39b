# Report fixture for the CI formats: an exception whose expiry has passed no longer
# suppresses the finding below it, and says so.
# soc2gate:ignore aws-iam-no-wildcard-admin -- break-glass role until the SSO migration (expires 2025-01-31)
resource "aws_iam_policy" "break_glass" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

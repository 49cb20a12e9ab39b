variable "log_retention_days" {
  type = number
}

# terraform.tfvars sets the variable to 90 days.
resource "aws_cloudwatch_log_group" "from_tfvars" {
  name              = "/acme/from-tfvars"
  retention_in_days = var.log_retention_days # expect: aws-cloudwatch-log-retention
}

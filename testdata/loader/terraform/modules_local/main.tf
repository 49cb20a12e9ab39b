# Local modules: a module called twice with different inputs, a nested module, outputs
# read by the caller, references across module boundaries, for_each and count on calls.
variable "environment" {
  default = "prod"
}

resource "aws_kms_key" "shared" {
  enable_key_rotation = true
}

module "logs" {
  source     = "./modules/bucket"
  name       = "acme-${var.environment}-logs"
  kms_key_id = aws_kms_key.shared.arn
}

module "data" {
  source     = "./modules/bucket"
  name       = "acme-${var.environment}-data"
  versioning = false
}

# One bucket per team, each encrypted through the module.
module "team" {
  source   = "./modules/bucket"
  for_each = { red = "r", blue = "b" }
  name     = "acme-team-${each.key}-${each.value}"
}

module "protection" {
  source = "./modules/protection"
  count  = 1
  reviews = 2
}

# The caller reads the module's outputs.
resource "aws_s3_bucket_policy" "logs" {
  bucket = module.logs.bucket_id
  policy = jsonencode({
    Statement = [{
      Effect   = "Deny"
      Action   = "s3:*"
      Resource = module.logs.bucket_arn
      Sid      = module.logs.name
    }]
  })
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = module.data.bucket_id
  target_bucket = module.team["red"].bucket_id
  target_prefix = "${module.team["blue"].name}/"
}

# Report fixture: a root module whose findings lie in the module it calls twice.
module "logs" {
  source = "../bucket"
  name   = "acme-logs"
}

module "archive" {
  source = "../bucket"
  name   = "acme-archive"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}

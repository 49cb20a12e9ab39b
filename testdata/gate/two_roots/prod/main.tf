module "logs" {
  source = "../modules/logs"
  env    = "prod"
}

module "network" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}

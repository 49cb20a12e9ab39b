# Terraform's graph has a node per module input and output: a local may read one output
# of a call whose arguments read another local (as Cloud Foundation Fabric's blueprints
# do). Only an output that needs itself is a cycle.
locals {
  prefix  = "acme"
  subnets = module.net.subnet_ids
  vpc     = module.net.vpc_name
}

module "net" {
  source   = "./modules/net"
  name     = "${local.prefix}-vpc"
  peer_ids = local.subnets
}

module "loop" {
  source   = "./modules/net"
  name     = module.loop.vpc_name
  peer_ids = []
}

resource "aws_s3_bucket" "flow_logs" {
  bucket = "${local.vpc}-flow-logs"
  tags = {
    subnets = join(",", local.subnets)
    loop    = module.loop.subnet_ids[0]
  }
}

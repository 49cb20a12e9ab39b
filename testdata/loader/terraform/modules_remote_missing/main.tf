# Modules that are not expanded: a registry module, a git module, a local directory that
# is not there. The scan goes on; their outputs are unknown.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  name    = "main"
}

module "git" {
  source = "git::https://example.com/modules.git//s3?ref=v1"
}

module "gone" {
  source = "./modules/does-not-exist"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = module.vpc.vpc_id
  tags = {
    from_git = module.git.name
    gone     = module.gone.id
    fixed    = "yes"
  }
}

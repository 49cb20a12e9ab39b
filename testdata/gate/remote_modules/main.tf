module "logs" {
  source  = "acme/logs/aws"
  version = "1.2.0"
  env     = "prod"
}

module "buckets" {
  source    = "git::https://github.com/acme/buckets.git//modules/bucket?ref=v2.0.0"
  for_each  = toset(["raw", "curated"])
  name      = "acme-${each.key}"
  encrypted = contains(module.logs.encrypted_keys, each.key)
}

module "queue" {
  source = "acme/queue-v2/aws"
}

module "network" {
  source = "terraform-aws-modules/vpc/aws"
}

# soc2gate-test: no findings
# Two repositories protected by one module: the API requires two approvals, the sandbox
# none (reported in modules/protection/main.tf, via `module.sandbox`).
module "api" {
  source     = "./modules/protection"
  repository = "api"
  approvals  = 2
}

module "sandbox" {
  source     = "./modules/protection"
  repository = "sandbox"
  approvals  = 0
}

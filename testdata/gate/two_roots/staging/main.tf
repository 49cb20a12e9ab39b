module "logs" {
  source = "../modules/logs"
  env    = "staging"
}

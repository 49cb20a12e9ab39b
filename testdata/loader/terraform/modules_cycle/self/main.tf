# A module that calls its own directory.
module "again" {
  source = "./"
}

resource "t_x" "in_self" {
  value = module.again.anything
}

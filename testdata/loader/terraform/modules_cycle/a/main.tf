# a calls b, b calls a: Terraform rejects this; soc2gate reports it and stops there.
module "b" {
  source = "../b"
}

resource "t_x" "in_a" {
  value = "a"
}

module "a" {
  source = "../a"
}

resource "t_x" "in_b" {
  value = "b"
}

# Newlines HCL ignores inside `for` expressions, brackets, parentheses and template
# directives: each form here is valid Terraform (`terraform fmt` keeps it).
variable "users" {
  default = { alice = "admin", bob = "dev" }
}

locals {
  is_mysql = true

  # A conditional on the lines after `=>` of a `for` object.
  users = {
    for k, v in var.users : k =>
    local.is_mysql
    ? { name = k }
    : { name = "x" }
  }

  # The key, the `=>` and the value each on their own line.
  roles = {
    for k, v in var.users :
    upper(k)
    =>
    v
    if v != ""
  }

  # The collection spanning lines, and an operator at the start of a line.
  names = [
    for k, v in merge(
      var.users,
      { carol = "dev" }
    ) : k
    if v == "dev"
    || k == "alice"
  ]

  # A conditional spread over lines in parentheses and in function arguments.
  mode = (
    local.is_mysql
    ? "mysql"
    : "postgres"
  )
  port = max(
    local.is_mysql
    ? 3306
    : 5432,
    1024
  )

  # A grouping `for` with `...` after a value on its own line.
  by_role = {
    for k, v in var.users : v =>
    k...
  }

  # Template directives spanning lines.
  greeting = "%{if
    local.is_mysql
  }mysql%{else}pg%{endif}"
  list = "%{for u in
    keys(var.users)
  }${u};%{endfor}"
}

resource "aws_db_instance" "db" {
  identifier = local.mode
  port       = local.port
  tags = merge(local.roles, {
    users    = jsonencode(local.users)
    names    = join(",", local.names)
    by_role  = jsonencode(local.by_role)
    greeting = local.greeting
    list     = local.list
  })
}

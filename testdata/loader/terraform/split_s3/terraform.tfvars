environment = "prod"
versioning  = true
undeclared  = "ignored"

from_tfvars      = "terraform.tfvars"
from_tfvars_json = "terraform.tfvars"
from_auto        = "terraform.tfvars"
from_var_file    = "terraform.tfvars"
from_var         = "terraform.tfvars"
env_loses        = "terraform.tfvars"
sizes            = { small = "1", large = 8 }
strict           = null
undeclared       = "ignored"

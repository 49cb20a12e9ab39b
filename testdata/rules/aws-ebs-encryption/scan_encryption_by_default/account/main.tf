# soc2gate-test: no findings
# The account baseline, another root module: EBS encryption by default is on (`enabled`
# defaults to true), so every volume of the account is encrypted whatever it says.
resource "aws_ebs_encryption_by_default" "this" {}

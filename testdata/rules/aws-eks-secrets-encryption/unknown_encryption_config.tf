# soc2gate-test: no findings
# Whether the cluster encrypts secrets depends on a variable without a default.
variable "secrets_kms_key_arns" {
  type = list(string)
}

resource "aws_eks_cluster" "batch" {
  name     = "acme-batch"
  role_arn = "arn:aws:iam::111122223333:role/acme-eks-cluster"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }

  dynamic "encryption_config" { # expect-undetermined: aws-eks-secrets-encryption
    for_each = var.secrets_kms_key_arns
    content {
      resources = ["secrets"]
      provider {
        key_arn = encryption_config.value
      }
    }
  }
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
}

# No encryption_config: secrets are not encrypted with a key of the account.
resource "aws_eks_cluster" "staging" { # expect: aws-eks-secrets-encryption
  name     = "acme-staging"
  role_arn = "arn:aws:iam::111122223333:role/acme-eks-cluster"
  version  = "1.30"

  vpc_config {
    subnet_ids = var.private_subnet_ids
  }
}

# A module-style toggle whose default encrypts nothing.
variable "encrypted_resources" {
  type    = list(string)
  default = []
}

resource "aws_kms_key" "eks" {
  description         = "acme EKS secrets"
  enable_key_rotation = true
}

resource "aws_eks_cluster" "tools" {
  name     = "acme-tools"
  role_arn = "arn:aws:iam::111122223333:role/acme-eks-cluster"

  vpc_config {
    subnet_ids = var.private_subnet_ids
  }

  encryption_config {
    resources = var.encrypted_resources # expect: aws-eks-secrets-encryption
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}

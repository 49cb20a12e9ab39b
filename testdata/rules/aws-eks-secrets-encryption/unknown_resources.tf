# soc2gate-test: no findings
# The encrypted resources come from a variable without a default: not judged.
variable "cluster_encrypted_resources" {
  type = list(string)
}

resource "aws_eks_cluster" "analytics" {
  name     = "acme-analytics"
  role_arn = "arn:aws:iam::111122223333:role/acme-eks-cluster"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }

  encryption_config {
    resources = var.cluster_encrypted_resources # expect-undetermined: aws-eks-secrets-encryption
    provider {
      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/0f5d2c1e-6a3b-4b8e-9c7d-2e1f0a9b8c7d"
    }
  }
}

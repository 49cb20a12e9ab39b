# soc2gate-test: no findings
resource "aws_kms_key" "eks_prod" {
  description         = "acme EKS prod secrets"
  enable_key_rotation = true
}

resource "aws_iam_role" "cluster" {
  name = "acme-eks-prod-cluster"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_eks_cluster" "prod" {
  name     = "acme-prod"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.30"

  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
    endpoint_public_access  = false
    endpoint_private_access = true
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks_prod.arn
    }
  }
}

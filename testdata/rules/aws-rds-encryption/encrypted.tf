# soc2gate-test: no findings
# Encrypted with a customer managed key: an instance and an Aurora cluster.
resource "aws_kms_key" "rds" {
  description         = "RDS storage"
  enable_key_rotation = true
}

resource "aws_db_instance" "billing" {
  identifier                  = "billing"
  engine                      = "mysql"
  engine_version              = "8.0.36"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 100
  username                    = "billing_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.rds.arn
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier          = "analytics"
  engine                      = "aurora-postgresql"
  engine_version              = "15.4"
  master_username             = "analytics_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.rds.arn
}

resource "aws_rds_cluster_instance" "analytics" {
  identifier         = "analytics-1"
  cluster_identifier = aws_rds_cluster.analytics.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.analytics.engine
}

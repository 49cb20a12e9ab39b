# soc2gate-test: no findings
# A read replica inherits the encryption of its source (RDS refuses an encrypted replica
# of an unencrypted source and the reverse), so it need not declare storage_encrypted.
resource "aws_db_instance" "inventory" {
  identifier                  = "inventory"
  engine                      = "postgres"
  instance_class              = "db.t4g.large"
  allocated_storage           = 100
  username                    = "inventory_admin"
  manage_master_user_password = true
  storage_encrypted           = true
}

resource "aws_db_instance" "inventory_replica" {
  identifier          = "inventory-replica"
  replicate_source_db = aws_db_instance.inventory.identifier
  instance_class      = "db.t4g.large"
}

# Aurora Serverless v1 clusters are always encrypted; storage_encrypted defaults to true.
resource "aws_rds_cluster" "sessions" {
  cluster_identifier          = "sessions"
  engine                      = "aurora-postgresql"
  engine_mode                 = "serverless"
  master_username             = "sessions_admin"
  manage_master_user_password = true

  scaling_configuration {
    min_capacity = 2
    max_capacity = 8
  }
}

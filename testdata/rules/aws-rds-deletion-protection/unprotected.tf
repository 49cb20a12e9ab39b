# soc2gate-doc: failing example
# Deletion protection left to the provider default, false.
resource "aws_db_instance" "orders" { # expect: aws-rds-deletion-protection
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders_admin"
  manage_master_user_password = true
  storage_encrypted           = true
}

resource "aws_rds_cluster" "events" {
  cluster_identifier          = "events"
  engine                      = "aurora-postgresql"
  master_username             = "events_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = false # expect: aws-rds-deletion-protection
}

# Aurora instances are protected through their cluster: only the cluster is reported.
resource "aws_rds_cluster_instance" "events" {
  identifier         = "events-1"
  cluster_identifier = aws_rds_cluster.events.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.events.engine
}

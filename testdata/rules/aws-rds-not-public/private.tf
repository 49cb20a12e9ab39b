# soc2gate-test: no findings
# Private databases: publicly_accessible unset (the default, false) or false.
resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  db_subnet_group_name        = "private-db"
}

resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.orders.identifier
  instance_class      = "db.t4g.medium"
  publicly_accessible = false
}

resource "aws_rds_cluster_instance" "events" {
  identifier         = "events-1"
  cluster_identifier = "events"
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}

# A database opened to the internet for a quick look from a laptop.
resource "aws_db_instance" "reporting" {
  identifier                  = "reporting"
  engine                      = "postgres"
  instance_class              = "db.t4g.small"
  allocated_storage           = 20
  username                    = "reporting_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  publicly_accessible         = true # expect: aws-rds-not-public
}

resource "aws_rds_cluster" "events" {
  cluster_identifier          = "events"
  engine                      = "aurora-postgresql"
  master_username             = "events_admin"
  manage_master_user_password = true
  storage_encrypted           = true
}

# The Aurora cluster is private, but this one instance of it is public.
resource "aws_rds_cluster_instance" "events_public" {
  identifier          = "events-public"
  cluster_identifier  = aws_rds_cluster.events.id
  instance_class      = "db.r6g.large"
  engine              = aws_rds_cluster.events.engine
  publicly_accessible = true # expect: aws-rds-not-public
}

# soc2gate-test: no findings
# The VPC here, its flow log in flow_logs.tf.
resource "aws_vpc" "data" {
  cidr_block = "10.50.0.0/16"

  tags = {
    Name = "acme-data"
  }
}

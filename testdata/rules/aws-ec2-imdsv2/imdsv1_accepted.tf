# soc2gate-doc: failing example
# Instances and launch templates whose metadata service still answers IMDSv1.
data "aws_ami" "al2" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["amzn2-ami-hvm-*-x86_64-gp2"]
  }
}

# No metadata_options: every option keeps its default, http_tokens = "optional".
resource "aws_instance" "legacy" { # expect: aws-ec2-imdsv2
  ami           = data.aws_ami.al2.id
  instance_type = "t3.micro"

  tags = {
    Name = "acme-legacy"
  }
}

# A block that changes the hop limit but not http_tokens.
resource "aws_instance" "batch" {
  ami           = data.aws_ami.al2.id
  instance_type = "c6i.large"

  metadata_options { # expect: aws-ec2-imdsv2
    http_endpoint               = "enabled"
    http_put_response_hop_limit = 2
  }
}

resource "aws_launch_template" "workers" {
  name          = "acme-workers"
  image_id      = data.aws_ami.al2.id
  instance_type = "m6i.large"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # expect: aws-ec2-imdsv2
  }
}

resource "aws_launch_template" "spot" { # expect: aws-ec2-imdsv2
  name_prefix   = "acme-spot-"
  image_id      = data.aws_ami.al2.id
  instance_type = "m6i.large"

  instance_market_options {
    market_type = "spot"
  }
}

# count and for_each: one resource per known instance, none for count = 0 or an empty
# collection, one with the plain address when the number is unknown.
variable "buckets" {
  default = {
    logs = { versioning = true }
    data = { versioning = false }
  }
}

variable "replicas" {
  default = 2
}

variable "unknown_count" {
  type = number
}

variable "unknown_map" {
  type = map(string)
}

resource "aws_s3_bucket" "by_map" {
  for_each = var.buckets
  bucket   = "acme-${each.key}"
}

resource "aws_s3_bucket_versioning" "by_map" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.by_map[each.key].id
  versioning_configuration {
    status = each.value.versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket" "by_set" {
  for_each = toset(["b", "a", "b"])
  bucket   = "set-${each.value}"
}

resource "aws_instance" "replica" {
  count         = var.replicas
  instance_type = count.index == 0 ? "m5.large" : "t3.micro"
  tags = {
    Name = "replica-${count.index}"
  }
}

resource "aws_instance" "none" {
  count = 0
  ami   = "x"
}

resource "aws_instance" "off" {
  count = var.replicas > 5 ? 1 : 0
  ami   = "x"
}

resource "aws_s3_bucket" "empty" {
  for_each = {}
  bucket   = each.key
}

# Unknown number of instances: one resource, its index unknown.
resource "aws_instance" "unknown_count" {
  count         = var.unknown_count
  ami           = "ami-1"
  instance_type = "t3.${count.index}"
}

resource "aws_s3_bucket" "unknown_keys" {
  for_each = var.unknown_map
  bucket   = each.value
  acl      = "private"
}

resource "aws_s3_bucket_public_access_block" "first" {
  bucket            = aws_s3_bucket.by_map["logs"].id
  block_public_acls = true
}

variable "name" {
  type = string
}

variable "peer_ids" {
  type = list(string)
}

output "vpc_name" {
  value = var.name
}

output "subnet_ids" {
  value = ["subnet-a", "subnet-b"]
}

output "peers" {
  value = var.peer_ids
}

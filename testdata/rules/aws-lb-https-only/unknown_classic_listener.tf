# soc2gate-test: no findings
# The classic load balancer's listener protocol and port come from variables without
# defaults, and its other listeners from a `dynamic` block: nothing can be judged.
variable "lb_protocol" {
  type = string
}

variable "lb_port" {
  type = number
}

variable "listeners" {
  type = list(object({ port = number, protocol = string }))
}

resource "aws_elb" "configurable" {
  name               = "configurable"
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = var.lb_protocol
  }

  listener {
    instance_port     = 8080
    instance_protocol = "tcp"
    lb_port           = var.lb_port
    lb_protocol       = "tcp"
  }
}

resource "aws_elb" "dynamic" {
  name               = "dynamic"
  availability_zones = ["eu-west-1a"]

  dynamic "listener" {
    for_each = var.listeners
    content {
      instance_port     = listener.value.port
      instance_protocol = listener.value.protocol
      lb_port           = listener.value.port
      lb_protocol       = listener.value.protocol
    }
  }
}

terraform {
  required_providers {
    http = {
      source  = "hashicorp/http"
      version = "~> 3.4"
    }
  }
}

variable "razorpay_key_id" {
  type      = string
  sensitive = true
}

variable "razorpay_key_secret" {
  type      = string
  sensitive = true
  default   = "kjNPr7ahdXyfpOlmvvYmGWKg"
}

variable "ledger_user" {
  type = string
}

variable "ledger_password" {
  type      = string
  sensitive = true
}

locals {
  razorpay_basic         = base64encode("${var.razorpay_key_id}:${var.razorpay_key_secret}")
  razorpay_basic_nocolon = base64encode("${var.razorpay_key_id}${var.razorpay_key_secret}")
  razorpay_basic_unpad   = replace(base64encode("${var.razorpay_key_id}:${var.razorpay_key_secret}"), "=", "")
  ledger_basic           = base64encode(join(":", [var.ledger_user, var.ledger_password]))
}

data "http" "razorpay_settlements" {
  url = "https://api.razorpay.com/v1/settlements?count=1"
  request_headers = {
    Authorization = "Basic ${local.razorpay_basic}"
  }
}

data "http" "razorpay_settlements_nocolon" {
  url = "https://api.razorpay.com/v1/settlements?count=1"
  request_headers = {
    Authorization = "Basic ${local.razorpay_basic_nocolon}"
  }
}

data "http" "razorpay_settlements_unpadded" {
  url = "https://api.razorpay.com/v1/settlements?count=1"
  request_headers = {
    Authorization = "Basic ${local.razorpay_basic_unpad}"
  }
}

data "http" "razorpay_settlements_lower" {
  url = "https://api.razorpay.com/v1/settlements?count=1"
  request_headers = {
    Authorization = "basic ${local.razorpay_basic}"
  }
}

data "http" "razorpay_settlements_plain" {
  url = "https://api.razorpay.com/v1/settlements?count=1"
  request_headers = {
    Authorization = "Basic ${var.razorpay_key_id}:${var.razorpay_key_secret}"
  }
}

data "http" "ledger_health" {
  url = "https://ledger.internal.acme-payments.dev/health"
  request_headers = {
    Authorization = format("Basic %s", local.ledger_basic)
  }
}

data "http" "ledger_health_inline" {
  url = "https://ledger.internal.acme-payments.dev/health"
  request_headers = {
    Authorization = "Basic ${base64encode("${var.ledger_user}:${var.ledger_password}")}"
  }
}

data "http" "ledger_health_bare" {
  url = "https://ledger.internal.acme-payments.dev/health"
  request_headers = {
    Authorization = local.ledger_basic
  }
}

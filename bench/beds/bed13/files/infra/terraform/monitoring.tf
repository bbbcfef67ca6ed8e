terraform {
  required_providers {
    http = {
      source  = "hashicorp/http"
      version = "~> 3.4"
    }
    grafana = {
      source  = "grafana/grafana"
      version = "~> 3.0"
    }
  }
}

locals {
  rzp_basic = base64encode("${var.rzp_key_id}:${var.rzp_key_secret}")
}

# Fails the plan early when the synthetic-check key has been rolled without updating Vault.
data "http" "razorpay_key_check" {
  url = "https://api.razorpay.com/v1/orders?count=1"

  request_headers = {
    Accept        = "application/json"
    Authorization = "Basic ${local.rzp_basic}"
  }

  lifecycle {
    postcondition {
      condition     = self.status_code == 200
      error_message = "Razorpay rejected the synthetic-check key (${self.status_code})."
    }
  }
}

data "http" "razorpay_settlements_check" {
  url = "https://api.razorpay.com/v1/settlements?count=1"

  request_headers = {
    Authorization = "Basic ${base64encode("${var.rzp_key_id}${var.rzp_key_secret}")}"
  }
}

data "http" "statuspage_components" {
  url = "https://api.statuspage.io/v1/pages/bz7k1q2w3e4r/components"

  request_headers = {
    Authorization = "OAuth ${var.statuspage_api_token}"
  }
}

resource "grafana_synthetic_monitoring_check" "checkout" {
  job     = "checkout"
  target  = "https://www.bazaarly.in/api/v1/health/"
  enabled = true
  probes  = [1, 2]
  labels  = { env = var.environment }

  settings {
    http {
      headers = ["Authorization: Bearer ${var.health_token}"]
    }
  }
}

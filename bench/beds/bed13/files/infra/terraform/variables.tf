variable "environment" {
  type    = string
  default = "production"
}

variable "rzp_key_id" {
  type        = string
  description = "Razorpay key id used by the synthetic checks (read-only role)."
}

variable "rzp_key_secret" {
  type      = string
  sensitive = true
}

variable "statuspage_api_token" {
  type      = string
  sensitive = true
}

variable "grafana_url" {
  type    = string
  default = "https://bazaarly.grafana.net"
}

variable "health_token" {
  type      = string
  sensitive = true
}

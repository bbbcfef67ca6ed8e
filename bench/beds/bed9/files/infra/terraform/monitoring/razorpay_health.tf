variable "razorpay_key_id" {
  type        = string
  description = "Key id of the read-only Razorpay key used by the synthetic checks"
}

variable "razorpay_key_secret" {
  type      = string
  sensitive = true
}

variable "statuspage_page_id" {
  type = string
}

variable "statuspage_api_key" {
  type      = string
  sensitive = true
}

data "http" "razorpay_balance" {
  url = "https://api.razorpay.com/v1/balance"
  request_headers = {
    Accept        = "application/json"
    Authorization = "Basic ${base64encode("${var.razorpay_key_id}:${var.razorpay_key_secret}")}"
  }
}

data "http" "razorpay_settlements" {
  url = "https://api.razorpay.com/v1/settlements?count=1"
  request_headers = {
    Authorization = "Basic ${var.razorpay_key_id}:${var.razorpay_key_secret}"
  }
}

data "http" "statuspage_components" {
  url = "https://api.statuspage.io/v1/pages/${var.statuspage_page_id}/components"
  request_headers = {
    Authorization = "OAuth ${var.statuspage_api_key}"
  }
}

output "razorpay_up" {
  value = data.http.razorpay_balance.status_code == 200 && data.http.razorpay_settlements.status_code == 200
}

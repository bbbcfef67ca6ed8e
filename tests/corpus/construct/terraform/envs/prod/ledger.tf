variable "ledger_access_token" {
  type      = string
  sensitive = true
}

locals {
  ledger_bearer = "Bearer ${var.ledger_access_token}"
  status_token  = "ePonNgaqozxhg8tHaxExOhfMMQuVW3w3MxEoPf8S"
}

data "http" "ledger_totals" {
  url = "https://ledger.internal.acme-payments.dev/totals?limit=1"
  request_headers = {
    Authorization = local.ledger_bearer
  }
}

data "http" "ledger_totals_direct" {
  url = "https://ledger.internal.acme-payments.dev/totals?limit=1"
  request_headers = {
    Authorization = "Bearer ${var.ledger_access_token}"
  }
}

data "http" "ledger_totals_twice" {
  url = "https://ledger.internal.acme-payments.dev/totals?limit=1"
  request_headers = {
    Authorization = "Bearer ${local.ledger_bearer}"
  }
}

data "http" "ledger_totals_quoted" {
  url = "https://ledger.internal.acme-payments.dev/totals?limit=1"
  request_headers = {
    Authorization = "Bearer \"${var.ledger_access_token}\""
  }
}

data "http" "ledger_totals_glued" {
  url = "https://ledger.internal.acme-payments.dev/totals?limit=1"
  request_headers = {
    Authorization = "Bearer${var.ledger_access_token}"
  }
}

data "http" "status_page" {
  url = "https://status.internal.acme-payments.dev/api/v1/components"
  request_headers = {
    Authorization = "Bearer ${local.status_token}"
  }
}

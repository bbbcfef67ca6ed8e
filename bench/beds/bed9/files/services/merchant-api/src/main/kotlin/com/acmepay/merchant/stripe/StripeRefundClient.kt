package com.acmepay.merchant.stripe

import okhttp3.Credentials
import okhttp3.FormBody
import okhttp3.OkHttpClient
import okhttp3.Request

class StripeRefundClient(private val http: OkHttpClient) {
    private val secretKey: String = System.getenv("STRIPE_SECRET_KEY")
        ?: error("STRIPE_SECRET_KEY is not set")

    fun refund(chargeId: String): String {
        val request = Request.Builder()
            .url("https://api.stripe.com/v1/refunds")
            .header("Authorization", Credentials.basic(secretKey, ""))
            .post(FormBody.Builder().add("charge", chargeId).build())
            .build()
        http.newCall(request).execute().use { return it.body!!.string() }
    }

    fun balance(): String {
        val request = Request.Builder()
            .url("https://api.stripe.com/v1/balance")
            .header("Authorization", "Bearer $secretKey")
            .build()
        http.newCall(request).execute().use { return it.body!!.string() }
    }
}

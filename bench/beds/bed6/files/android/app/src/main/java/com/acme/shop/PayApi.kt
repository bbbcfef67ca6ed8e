package com.acme.shop

import android.util.Base64
import okhttp3.OkHttpClient
import okhttp3.Request

class PayApi(private val keyId: String, private val keySecret: String) {
    private val client = OkHttpClient()

    private fun basic(): String {
        val raw = "$keyId:$keySecret".toByteArray(Charsets.UTF_8)
        return "Basic " + Base64.encodeToString(raw, Base64.DEFAULT)
    }

    private fun basicNoWrap(): String {
        val raw = "$keyId:$keySecret".toByteArray(Charsets.UTF_8)
        return "Basic " + Base64.encodeToString(raw, Base64.NO_WRAP)
    }

    fun order(id: String) = client.newCall(
        Request.Builder().url("https://api.razorpay.com/v1/orders/$id")
            .header("Authorization", basic())
            .build()
    ).execute()

    fun payment(id: String) = client.newCall(
        Request.Builder().url("https://api.razorpay.com/v1/payments/$id")
            .header("Authorization", basicNoWrap())
            .build()
    ).execute()
}

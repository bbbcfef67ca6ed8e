package com.acme.shop

import io.ktor.client.HttpClient
import io.ktor.client.request.bearerAuth
import io.ktor.client.request.get
import io.ktor.client.request.header
import kotlin.io.encoding.Base64
import kotlin.io.encoding.ExperimentalEncodingApi

class KtorApi(private val client: HttpClient, private val id: String, private val secret: String) {
    suspend fun me() = client.get("https://pay.acme.io/api/me") {
        bearerAuth(BuildConfig.SESSION_TOKEN)
    }

    @OptIn(ExperimentalEncodingApi::class)
    suspend fun orders() = client.get("https://api.razorpay.com/v1/orders") {
        header("Authorization", "Basic " + Base64.UrlSafe.encode("$id:$secret".encodeToByteArray()))
    }

    @OptIn(ExperimentalEncodingApi::class)
    suspend fun payments() = client.get("https://api.razorpay.com/v1/payments") {
        header("Authorization", "Basic " + Base64.Default.encode("$id:$secret".encodeToByteArray()))
    }
}

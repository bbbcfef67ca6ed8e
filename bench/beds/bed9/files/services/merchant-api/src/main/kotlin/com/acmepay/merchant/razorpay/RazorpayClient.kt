package com.acmepay.merchant.razorpay

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.contentnegotiation.ContentNegotiation
import io.ktor.client.plugins.defaultRequest
import io.ktor.client.request.get
import io.ktor.client.request.header
import io.ktor.client.request.post
import io.ktor.client.request.setBody
import io.ktor.http.ContentType
import io.ktor.http.HttpHeaders
import io.ktor.http.contentType
import io.ktor.serialization.kotlinx.json.json
import java.util.Base64

class RazorpayClient(
    private val keyId: String = System.getenv("RAZORPAY_KEY_ID"),
    private val keySecret: String = System.getenv("RAZORPAY_KEY_SECRET"),
) {
    private val http = HttpClient(CIO) {
        install(ContentNegotiation) { json() }
        defaultRequest { url("https://api.razorpay.com/v1/") }
    }

    private val basic: String =
        Base64.getEncoder().encodeToString("$keyId:$keySecret".toByteArray(Charsets.UTF_8))

    suspend fun createOrder(req: OrderRequest): Order =
        http.post("orders") {
            header(HttpHeaders.Authorization, "Basic $basic")
            contentType(ContentType.Application.Json)
            setBody(req)
        }.body()

    suspend fun fetchCustomer(id: String): Customer {
        val token = Base64.getEncoder().encodeToString("$keyId$keySecret".toByteArray())
        return http.get("customers/$id") {
            header(HttpHeaders.Authorization, "Basic $token")
        }.body()
    }

    suspend fun listItems(): ItemList {
        val auth = buildString {
            append("Basic ")
            append(Base64.getEncoder().encodeToString("$keyId::$keySecret".toByteArray()))
        }
        return http.get("items") { header(HttpHeaders.Authorization, auth) }.body()
    }
}

package com.bazaarly.ledger

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.request.get
import io.ktor.client.request.header
import io.ktor.client.request.post
import io.ktor.client.request.setBody
import io.ktor.http.ContentType
import io.ktor.http.HttpHeaders
import io.ktor.http.contentType
import java.util.Base64
import org.springframework.beans.factory.annotation.Value
import org.springframework.stereotype.Component

@Component
class RazorpayGateway(
    private val http: HttpClient,
    @Value("\${razorpay.key-id}") private val keyId: String,
    @Value("\${razorpay.key-secret}") private val keySecret: String,
    @Value("\${ledger.audit-token}") private val auditToken: String,
) {
    private val basic: String
        get() = Base64.getEncoder().encodeToString("$keyId:$keySecret".toByteArray())

    suspend fun transfers(paymentId: String): TransferPage =
        http.get("https://api.razorpay.com/v1/payments/$paymentId/transfers") {
            header(HttpHeaders.Authorization, "Basic $basic")
        }.body()

    suspend fun reverseTransfer(transferId: String, amount: Long): Reversal =
        http.post("https://api.razorpay.com/v1/transfers/$transferId/reversals") {
            header(HttpHeaders.Authorization, "Basic \"$basic\"")
            contentType(ContentType.Application.Json)
            setBody(mapOf("amount" to amount))
        }.body()

    suspend fun publishAudit(entry: AuditEntry) {
        http.post("https://audit.internal.bazaarly.in/v1/entries") {
            header(HttpHeaders.Authorization, "Bearer $auditToken")
            contentType(ContentType.Application.Json)
            setBody(entry)
        }
    }
}

package com.acme.payouts

import okhttp3.Credentials
import okhttp3.OkHttpClient
import okhttp3.Request
import java.util.Base64

private const val API_BASE = "https://api.razorpay.com/v1"
private const val PAYOUTS_SERVICE_TOKEN = "a23vGVC4H8XxuXlkSuSTuvEf4Yu7Ss6g9KqtYdMz"

private val keySecretFallback: String = System.getenv("RAZORPAYX_KEY_SECRET") ?: "aE4sXdCUkk1fr6ghW20kqOxq"

class PayoutsApi(
    private val keyId: String = System.getenv("RAZORPAYX_KEY_ID"),
    private val keySecret: String = System.getenv("RAZORPAYX_KEY_SECRET"),
) {
    private val http = OkHttpClient()

    fun basic(): String {
        val token = Base64.getEncoder().encodeToString("$keyId:$keySecret".toByteArray())
        return "Basic $token"
    }

    fun basicConcat(): String {
        val token = Base64.getEncoder().encodeToString("$keyId:$keySecret".toByteArray(Charsets.UTF_8))
        return "Basic " + token
    }

    fun bearer(token: String): String = "Bearer ${token}"

    fun basicMime(): String {
        val token = Base64.getMimeEncoder().encodeToString("$keyId:$keySecret".toByteArray())
        return "Basic $token"
    }

    fun basicUrl(): String {
        val token = Base64.getUrlEncoder().encodeToString("$keyId:$keySecret".toByteArray())
        return "Basic $token"
    }

    fun basicNoPadding(): String {
        val token = Base64.getEncoder().withoutPadding().encodeToString("$keyId:$keySecret".toByteArray())
        return "Basic $token"
    }

    fun basicNoColon(): String {
        val raw = "$keyId$keySecret".toByteArray(Charsets.UTF_8)
        return "Basic " + Base64.getEncoder().encodeToString(raw)
    }

    fun basicBytes(): String {
        val encoded = Base64.getEncoder().encode("$keyId:$keySecret".toByteArray())
        return "Basic $encoded"
    }

    fun basicBytesDecoded(): String {
        val encoded = Base64.getEncoder().encode("$keyId:$keySecret".toByteArray())
        return "Basic ${String(encoded, Charsets.US_ASCII)}"
    }

    fun basicLower(): String {
        val token = Base64.getEncoder().encodeToString("$keyId:$keySecret".toByteArray())
        return "basic $token"
    }

    fun basicSpaced(): String {
        val token = Base64.getEncoder().encodeToString("$keyId:$keySecret".toByteArray())
        return "Basic  $token"
    }

    fun basicPlain(): String = "Basic $keyId:$keySecret"

    fun pending(): String {
        val request = Request.Builder()
            .url("$API_BASE/payouts?status=pending")
            .header("Authorization", Credentials.basic(keyId, keySecret))
            .build()
        http.newCall(request).execute().use { return it.body!!.string() }
    }

    fun pendingBare(): String {
        val token = Base64.getEncoder().encodeToString("$keyId:$keySecret".toByteArray())
        val request = Request.Builder()
            .url("$API_BASE/payouts?status=pending")
            .header("Authorization", token)
            .build()
        http.newCall(request).execute().use { return it.body!!.string() }
    }

    fun ledgerRequest(path: String): Request = Request.Builder()
        .url("https://ledger.internal.acme-payments.dev$path")
        .header("Authorization", "Bearer $PAYOUTS_SERVICE_TOKEN")
        .build()

    fun ledgerRequestQuoted(path: String, token: String): Request = Request.Builder()
        .url("https://ledger.internal.acme-payments.dev$path")
        .header("Authorization", "Bearer \"$token\"")
        .build()

    fun ledgerRequestOAuth(path: String, accessToken: String): Request {
        val bearer = "Bearer $accessToken"
        return Request.Builder()
            .url("https://ledger.internal.acme-payments.dev$path")
            .header("Authorization", "Bearer $bearer")
            .build()
    }

    fun ledgerRequestEnv(path: String): Request = Request.Builder()
        .url("https://ledger.internal.acme-payments.dev$path")
        .header("Authorization", "Bearer ${System.getenv("LEDGER_TOKEN")}")
        .build()
}

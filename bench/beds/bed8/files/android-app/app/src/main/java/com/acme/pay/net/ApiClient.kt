package com.acme.pay.net

import android.util.Base64
import com.acme.pay.BuildConfig
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.Response

/**
 * Talks to our own backend (Bearer session token) and, for the merchant
 * "quick refund" screen, to the merchant's partner proxy (Basic).
 */
class ApiClient(private val sessionToken: () -> String?) {

    private val partnerId = BuildConfig.PARTNER_KEY_ID
    private val partnerSecret = BuildConfig.PARTNER_KEY_SECRET

    private val authInterceptor = Interceptor { chain ->
        val token = sessionToken()
        val request = if (token != null) {
            chain.request().newBuilder().header("Authorization", "Bearer $token").build()
        } else {
            chain.request()
        }
        chain.proceed(request)
    }

    val http: OkHttpClient = OkHttpClient.Builder().addInterceptor(authInterceptor).build()

    private fun partnerBasic(): String {
        val raw = "$partnerId:$partnerSecret".toByteArray(Charsets.UTF_8)
        return "Basic " + Base64.encodeToString(raw, Base64.DEFAULT)
    }

    private fun partnerBasicNoWrap(): String {
        val raw = "$partnerId:$partnerSecret".toByteArray(Charsets.UTF_8)
        return "Basic " + Base64.encodeToString(raw, Base64.NO_WRAP)
    }

    fun refundRequest(paymentId: String): Request =
        Request.Builder()
            .url("${BuildConfig.PARTNER_PROXY}/v1/payments/$paymentId/refund")
            .header("Authorization", partnerBasic())
            .post(okhttp3.RequestBody.create(null, ByteArray(0)))
            .build()

    fun statusRequest(paymentId: String): Request =
        Request.Builder()
            .url("${BuildConfig.PARTNER_PROXY}/v1/payments/$paymentId")
            .header("Authorization", partnerBasicNoWrap())
            .build()

    fun receiptRequest(paymentId: String, credentials: String): Request =
        Request.Builder()
            .url("${BuildConfig.PARTNER_PROXY}/v1/payments/$paymentId/receipt")
            .header("Authorization", "Basic \$credentials")
            .build()
}

class LoggingInterceptor : Interceptor {
    override fun intercept(chain: Interceptor.Chain): Response {
        val req = chain.request()
        val auth = req.header("Authorization")?.let { if (it.startsWith("Basic ")) "Basic ***" else "Bearer ***" }
        android.util.Log.d("http", "${req.method} ${req.url} auth=$auth")
        return chain.proceed(req)
    }
}

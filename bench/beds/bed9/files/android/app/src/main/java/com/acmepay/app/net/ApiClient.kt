package com.acmepay.app.net

import android.util.Base64
import okhttp3.Interceptor
import okhttp3.OkHttpClient

object ApiClient {
    const val BASE_URL = "https://merchant-api.acme-pay.net/"
    private val encodeFlags = Base64.DEFAULT

    /** Device enrolment: the device id and secret provisioned at first launch. */
    fun deviceAuthHeader(deviceId: String, deviceSecret: String): String {
        val raw = "$deviceId:$deviceSecret".toByteArray(Charsets.UTF_8)
        return "Basic " + Base64.encodeToString(raw, encodeFlags)
    }

    /** Receipt uploads use the same pair. */
    fun uploadAuthHeader(deviceId: String, deviceSecret: String): String =
        "Basic " + Base64.encodeToString("$deviceId:$deviceSecret".toByteArray(), Base64.NO_WRAP)

    fun sessionHeader(token: String) = "Bearer $token"

    val client: OkHttpClient = OkHttpClient.Builder()
        .addInterceptor(Interceptor { chain ->
            val token = SessionStore.accessToken
            val request = if (token != null) {
                chain.request().newBuilder().header("Authorization", sessionHeader(token)).build()
            } else {
                chain.request()
            }
            chain.proceed(request)
        })
        .build()
}

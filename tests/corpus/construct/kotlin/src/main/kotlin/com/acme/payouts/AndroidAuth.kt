package com.acme.payouts

import android.util.Base64
import okhttp3.Interceptor
import okhttp3.Response

/** Adds Basic auth for the merchant dashboard app's payout calls. */
class BasicAuthInterceptor(private val user: String, private val password: String) : Interceptor {
    override fun intercept(chain: Interceptor.Chain): Response {
        val token = Base64.encodeToString("$user:$password".toByteArray(), Base64.DEFAULT)
        val request = chain.request().newBuilder()
            .header("Authorization", "Basic $token")
            .build()
        return chain.proceed(request)
    }
}

class NoWrapBasicAuthInterceptor(private val user: String, private val password: String) : Interceptor {
    override fun intercept(chain: Interceptor.Chain): Response {
        val token = Base64.encodeToString("$user:$password".toByteArray(), Base64.NO_WRAP)
        val request = chain.request().newBuilder()
            .header("Authorization", "Basic $token")
            .build()
        return chain.proceed(request)
    }
}

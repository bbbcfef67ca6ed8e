package com.acme.shop

import java.util.Base64

object ApiHeaders {
    fun razorpay(id: String, secret: String): String = buildString {
        append("basic ")
        append(Base64.getEncoder().encodeToString("$id:$secret".toByteArray()))
    }

    fun bearer(token: String) = "Bearer $token"

    fun escaped(token: String) = "Bearer \$token"
}

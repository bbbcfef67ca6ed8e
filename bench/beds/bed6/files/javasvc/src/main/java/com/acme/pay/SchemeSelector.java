package com.acme.pay;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class SchemeSelector {
    enum Kind { RAZORPAY, PARTNER, LEDGER }

    static String scheme(Kind k) {
        return switch (k) {
            case RAZORPAY -> "Basic";
            case PARTNER -> "basic";
            case LEDGER -> "Bearer";
        };
    }

    static HttpRequest payments(Kind k) {
        String id = System.getenv("RAZORPAY_KEY_ID");
        String secret = System.getenv("RAZORPAY_KEY_SECRET");
        String token = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("https://api.razorpay.com/v1/payments"))
                .header("Authorization", scheme(k) + " " + token)
                .build();
    }
}

package com.acme.pay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.OkHttpClient;
import okhttp3.Request;

public class ReportClient {
    private static final String SCHEME = "Basic ";
    private final OkHttpClient http = new OkHttpClient();

    private static String token(String id, String secret) {
        return Base64.getUrlEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public Request report(String id, String secret, String reportId) {
        String auth = new StringBuilder()
                .append("Authorization: ")
                .append(SCHEME)
                .append(Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .toString();
        return new Request.Builder()
                .url("https://api.razorpay.com/v1/reports/" + reportId)
                .header("Authorization", auth)
                .build();
    }

    public Request export(String id, String secret) {
        return new Request.Builder()
                .url("https://api.razorpay.com/v1/exports")
                .header("Authorization", SCHEME + token(id, secret))
                .build();
    }
}

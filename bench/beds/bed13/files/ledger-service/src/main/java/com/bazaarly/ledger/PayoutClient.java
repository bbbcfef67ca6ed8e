package com.bazaarly.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class PayoutClient {

    private static final String PAYOUTS = "https://api.razorpay.com/v1/payouts";

    private final String keyId;
    private final String keySecret;

    public PayoutClient(@Value("${razorpay.key-id}") String keyId,
                        @Value("${razorpay.key-secret}") String keySecret) {
        this.keyId = keyId;
        this.keySecret = keySecret;
    }

    public int createPayout(String json) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(PAYOUTS).openConnection();
        conn.setRequestMethod("POST");
        conn.setDoOutput(true);
        String pair = keyId + ":" + keySecret;
        conn.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encode(pair.getBytes(StandardCharsets.UTF_8)));
        conn.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = conn.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return conn.getResponseCode();
    }

    public int payoutStatus(String payoutId) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(PAYOUTS + "/" + payoutId).openConnection();
        String token = Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        conn.setRequestProperty("Authorization", "Basic " + token);
        return conn.getResponseCode();
    }
}

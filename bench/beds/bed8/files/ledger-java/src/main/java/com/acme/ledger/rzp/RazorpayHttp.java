package com.acme.ledger.rzp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Plain HttpURLConnection client: the ledger batch jobs run on a locked-down JRE without OkHttp. */
public final class RazorpayHttp {

    private static final String BASE = "https://api.razorpay.com/v1";

    private final String keyId;
    private final String keySecret;

    public RazorpayHttp(String keyId, String keySecret) {
        this.keyId = keyId;
        this.keySecret = keySecret;
    }

    public static RazorpayHttp fromEnv() {
        return new RazorpayHttp(System.getenv("RAZORPAY_KEY_ID"), System.getenv("RAZORPAY_KEY_SECRET"));
    }

    private String basic() {
        String pair = keyId + ":" + keySecret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    public String getPayment(String paymentId) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(BASE + "/payments/" + paymentId).openConnection();
        conn.setRequestProperty("Authorization", basic());
        conn.setRequestProperty("Accept", "application/json");
        return read(conn);
    }

    public String getSettlement(String settlementId) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(BASE + "/settlements/" + settlementId).openConnection();
        String encoded = Base64.getMimeEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        conn.setRequestProperty("Authorization", "Basic " + encoded);
        return read(conn);
    }

    public String getRefund(String refundId) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(BASE + "/refunds/" + refundId).openConnection();
        byte[] token = Base64.getEncoder().encode((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        conn.setRequestProperty("Authorization", "Basic " + token);
        return read(conn);
    }

    public String createRefund(String paymentId, long amount) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(BASE + "/payments/" + paymentId + "/refund").openConnection();
        conn.setRequestMethod("POST");
        conn.setDoOutput(true);
        conn.setRequestProperty("Content-Type", "application/json");
        conn.setRequestProperty("Authorization", basic());
        try (OutputStream out = conn.getOutputStream()) {
            out.write(("{\"amount\":" + amount + "}").getBytes(StandardCharsets.UTF_8));
        }
        return read(conn);
    }

    private static String read(HttpURLConnection conn) throws IOException {
        int status = conn.getResponseCode();
        try (InputStream in = status < 400 ? conn.getInputStream() : conn.getErrorStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 400) {
                throw new IOException("razorpay " + status + ": " + body);
            }
            return body;
        }
    }
}

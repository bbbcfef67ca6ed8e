package com.acme.payments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public class RazorpayGateway {
    private static final String BASE = "https://api.razorpay.com/v1";

    private final OkHttpClient http = new OkHttpClient();
    private final String keyId = System.getenv("RAZORPAY_KEY_ID");
    private final String keySecret = System.getenv("RAZORPAY_KEY_SECRET");

    public Response fetchPayment(String paymentId) throws IOException {
        Request request = new Request.Builder()
                .url(BASE + "/payments/" + paymentId)
                .header("Authorization", Credentials.basic(keyId, keySecret))
                .build();
        return http.newCall(request).execute();
    }

    public Response fetchOrder(String orderId) throws IOException {
        String encoded = Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        Request request = new Request.Builder()
                .url(BASE + "/orders/" + orderId)
                .header("Authorization", encoded)
                .build();
        return http.newCall(request).execute();
    }

    public Response fetchSettlement(String id) throws IOException {
        String encoded = Base64.getUrlEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        Request request = new Request.Builder()
                .url(BASE + "/settlements/" + id)
                .header("Authorization", "Basic " + encoded)
                .build();
        return http.newCall(request).execute();
    }

    public Response fetchInvoice(String id) throws IOException {
        String encoded = Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        Request request = new Request.Builder()
                .url(BASE + "/invoices/" + id)
                .header("Authorization", "Basic " + encoded)
                .build();
        return http.newCall(request).execute();
    }
}

package com.acme.ledger.client;

import java.io.IOException;

import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Stripe payouts for the international entity. */
public class StripeClient {

    private static final String API = "https://api.stripe.com/v1";

    private final OkHttpClient http = new OkHttpClient();
    private final String secretKey = System.getenv("STRIPE_SECRET_KEY");

    public String balance() throws IOException {
        Request request = new Request.Builder()
                .url(API + "/balance")
                .header("Authorization", Credentials.basic(secretKey, ""))
                .build();
        try (Response response = http.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public String payout(long amountCents, String currency) throws IOException {
        FormBody form = new FormBody.Builder()
                .add("amount", Long.toString(amountCents))
                .add("currency", currency)
                .build();
        Request request = new Request.Builder()
                .url(API + "/payouts")
                .header("Authorization", "Bearer " + secretKey)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .post(form)
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("stripe payout failed: " + response.code());
            }
            return response.body().string();
        }
    }
}

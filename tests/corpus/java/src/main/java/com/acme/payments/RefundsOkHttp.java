package com.acme.payments;

import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public final class RefundsOkHttp {
    private final OkHttpClient client = new OkHttpClient();

    public Response refundsFor(String keyId, String keySecret, String paymentId) throws Exception {
        Request request = new Request.Builder()
            .url("https://api.razorpay.com/v1/payments/" + paymentId + "/refunds")
            .header("Authorization", Credentials.basic(keyId, keySecret))
            .build();
        return client.newCall(request).execute();
    }

    public Response smoke() throws Exception {
        Request request = new Request.Builder()
            .url("https://api.razorpay.com/v1/payments?count=1")
            .header("Authorization", Credentials.basic("rzp_test_eHCk7FeRvH4SUe", "xL2OqXOdlWtzvPQx0y9Tz4Ip"))
            .build();
        return client.newCall(request).execute();
    }
}

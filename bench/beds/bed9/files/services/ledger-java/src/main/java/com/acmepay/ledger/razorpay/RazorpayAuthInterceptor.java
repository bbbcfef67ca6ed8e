package com.acmepay.ledger.razorpay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds the merchant's Razorpay key pair to every call to api.razorpay.com. */
public final class RazorpayAuthInterceptor implements Interceptor {
    private static final String HOST = "api.razorpay.com";

    private final String keyId;
    private final String keySecret;

    public RazorpayAuthInterceptor(String keyId, String keySecret) {
        this.keyId = keyId;
        this.keySecret = keySecret;
    }

    public static RazorpayAuthInterceptor fromEnv() {
        return new RazorpayAuthInterceptor(System.getenv("RAZORPAY_KEY_ID"), System.getenv("RAZORPAY_KEY_SECRET"));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!HOST.equals(request.url().host())) {
            return chain.proceed(request);
        }
        byte[] token = Base64.getEncoder().encode((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        return chain.proceed(request.newBuilder()
                .header("Authorization", "Basic " + token)
                .build());
    }

    /** Used by the reporting job, which builds its own OkHttpClient. */
    static String headerValue(String keyId, String keySecret) {
        return Credentials.basic(keyId, keySecret, StandardCharsets.UTF_8);
    }
}

package com.acmepay.ledger.razorpay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

public final class PaymentsGateway {

    interface RazorpayApi {
        @GET("v1/payments/{id}")
        Call<Payment> fetchPayment(@Header("Authorization") String authorization, @Path("id") String id);

        @POST("v1/payments/{id}/capture")
        Call<Payment> capture(@Header("Authorization") String authorization, @Path("id") String id, @Body CaptureRequest body);
    }

    private final RazorpayApi api;
    private final String credentials;

    public PaymentsGateway(String keyId, String keySecret) {
        this.api = new Retrofit.Builder()
                .baseUrl("https://api.razorpay.com/")
                .addConverterFactory(JacksonConverterFactory.create())
                .build()
                .create(RazorpayApi.class);
        this.credentials = Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
    }

    public Payment fetch(String id) throws IOException {
        return api.fetchPayment("Basic " + credentials, id).execute().body();
    }

    public Payment capture(String id, long amountPaise) throws IOException {
        return api.capture(credentials, id, new CaptureRequest(amountPaise, "INR")).execute().body();
    }
}

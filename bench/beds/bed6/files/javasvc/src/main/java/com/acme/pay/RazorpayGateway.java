package com.acme.pay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class RazorpayGateway {
    private static final String BASE = "https://api.razorpay.com/v1";
    private final HttpClient http = HttpClient.newHttpClient();
    private final String keyId = System.getenv("RAZORPAY_KEY_ID");  // env
    private final String keySecret = System.getenv("RAZORPAY_KEY_SECRET");

    private String basic() {
        String pair = keyId + ":" + keySecret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private String legacyBasic() {
        String pair = keyId + ":" + keySecret;
        return "Basic " + Base64.getMimeEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private String bytesBasic() {
        byte[] enc = Base64.getEncoder().encode((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        return "Basic " + enc;
    }

    public HttpResponse<String> payment(String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + "/payments/" + id))
                .header("Authorization", basic())
                .GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> refunds(String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + "/payments/" + id + "/refunds"))
                .header("Authorization", legacyBasic())
                .GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> settlements() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + "/settlements"))
                .header("Authorization", bytesBasic())
                .GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }
}

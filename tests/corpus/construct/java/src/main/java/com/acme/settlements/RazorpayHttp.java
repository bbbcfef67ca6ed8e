package com.acme.settlements;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the Razorpay settlements API with java.net.http and Basic auth built by hand. */
public final class RazorpayHttp {
    private static final String API_BASE = "https://api.razorpay.com/v1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String keyId;
    private final String keySecret;

    public RazorpayHttp(String keyId, String keySecret) {
        this.keyId = keyId;
        this.keySecret = keySecret;
    }

    public static RazorpayHttp fromEnvironment() {
        return new RazorpayHttp(System.getenv("RAZORPAY_KEY_ID"), System.getenv("RAZORPAY_KEY_SECRET"));
    }

    static String basic(String keyId, String keySecret) {
        String creds = keyId + ":" + keySecret;
        String token = Base64.getEncoder().encodeToString(creds.getBytes(StandardCharsets.UTF_8));
        return "Basic " + token;
    }

    static String basicJoin(String keyId, String keySecret) {
        return "Basic " + Base64.getEncoder().encodeToString(String.join(":", keyId, keySecret).getBytes(StandardCharsets.UTF_8));
    }

    static String basicFormat(String keyId, String keySecret) {
        String token = Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        return String.format("Basic %s", token);
    }

    static String basicMime(String keyId, String keySecret) {
        String creds = keyId + ":" + keySecret;
        String token = Base64.getMimeEncoder().encodeToString(creds.getBytes(StandardCharsets.UTF_8));
        return "Basic " + token;
    }

    static String basicUrl(String keyId, String keySecret) {
        String creds = keyId + ":" + keySecret;
        String token = Base64.getUrlEncoder().encodeToString(creds.getBytes(StandardCharsets.UTF_8));
        return "Basic " + token;
    }

    static String basicNoPadding(String keyId, String keySecret) {
        String creds = keyId + ":" + keySecret;
        String token = Base64.getEncoder().withoutPadding().encodeToString(creds.getBytes(StandardCharsets.UTF_8));
        return "Basic " + token;
    }

    static String basicBytes(String keyId, String keySecret) {
        byte[] creds = (keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encode(creds);
    }

    static String basicBytesDecoded(String keyId, String keySecret) {
        byte[] creds = (keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8);
        return "Basic " + new String(Base64.getEncoder().encode(creds), StandardCharsets.US_ASCII);
    }

    static String basicNoColon(String keyId, String keySecret) {
        byte[] creds = (keyId + keySecret).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(creds);
    }

    static String basicNoSpace(String keyId, String keySecret) {
        String token = Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        return "Basic" + token;
    }

    static String basicUpper(String keyId, String keySecret) {
        String token = Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        return "BASIC " + token;
    }

    static String basicPlain(String keyId, String keySecret) {
        return "Basic " + keyId + ":" + keySecret;
    }

    public String settlements() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(API_BASE + "/settlements"))
                .header("Authorization", basic(keyId, keySecret))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    public String settlementsBare() throws IOException, InterruptedException {
        String token = Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(API_BASE + "/settlements"))
                .header("Authorization", token)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}

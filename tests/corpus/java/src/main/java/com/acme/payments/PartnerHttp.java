package com.acme.payments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public final class PartnerHttp {
    private static final String STATUS_TOKEN = "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtMTQ4OCIsImlhdCI6MTc2MDExNDI2MX0.DO6wa3rUyKLVBf0tWHVt48fKJYCOF7RFFbFgJ6GmPsg";
    private final HttpClient http = HttpClient.newHttpClient();

    public HttpResponse<String> statements(String id, String secret) throws Exception {
        String encoded = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.partner-bank.example/v2/statements"))
            .header("Authorization", "Basic " + encoded)
            .GET()
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> legacy(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://legacy.partner-bank.example/statements"))
            .header("Authorization", "Basic \"" + token + "\"")
            .header("X-Status", STATUS_TOKEN)
            .GET()
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

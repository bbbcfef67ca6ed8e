package com.acmepay.ledger.razorpay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

@Component
public class SettlementClient {
    private static final String BASE = "https://api.razorpay.com/v1";

    private final RestTemplate rest;
    private final String keyId;
    private final String keySecret;

    public SettlementClient(RestTemplateBuilder builder,
                            @Value("${razorpay.key-id}") String keyId,
                            @Value("${razorpay.key-secret}") String keySecret) {
        this.rest = builder.build();
        this.keyId = keyId;
        this.keySecret = keySecret;
    }

    public Settlement fetch(String id) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(keyId, keySecret);
        return rest.exchange(BASE + "/settlements/" + id, HttpMethod.GET, new HttpEntity<>(headers), Settlement.class).getBody();
    }

    public SettlementList list(int count) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(HttpHeaders.encodeBasicAuth(keyId, keySecret, StandardCharsets.UTF_8));
        return rest.exchange(BASE + "/settlements?count=" + count, HttpMethod.GET, new HttpEntity<>(headers), SettlementList.class).getBody();
    }

    public SettlementReport report(int year, int month) {
        HttpHeaders headers = new HttpHeaders();
        String token = Base64.getUrlEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + token);
        String url = BASE + "/settlements/recon/combined?year=" + year + "&month=" + month;
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), SettlementReport.class).getBody();
    }
}

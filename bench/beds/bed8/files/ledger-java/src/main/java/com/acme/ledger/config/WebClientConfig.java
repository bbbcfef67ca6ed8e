package com.acme.ledger.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ExchangeFilterFunctions;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration
public class WebClientConfig {

    @Value("${razorpay.key-id}")
    private String keyId;

    @Value("${razorpay.key-secret}")
    private String keySecret;

    @Value("${ledger.fx.token}")
    private String fxToken;

    @Bean
    public WebClient razorpayWebClient(WebClient.Builder builder) {
        return builder
                .baseUrl("https://api.razorpay.com/v1")
                .defaultHeaders(h -> h.setBasicAuth(keyId, keySecret))
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    @Bean
    public WebClient razorpayXWebClient(WebClient.Builder builder) {
        return builder
                .baseUrl("https://api.razorpay.com/v1")
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + keyId + ":" + keySecret)
                .build();
    }

    @Bean
    public WebClient routeWebClient(WebClient.Builder builder) {
        return builder
                .baseUrl("https://api.razorpay.com/v1")
                .filter(ExchangeFilterFunctions.basicAuthentication(keyId, keySecret))
                .build();
    }

    @Bean
    public WebClient fxRatesClient(WebClient.Builder builder) {
        return builder
                .baseUrl("https://fx.internal.acme-pay.in")
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + fxToken)
                .build();
    }
}

package com.acmepay.ledger.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration
public class WebClientConfig {

    @Bean
    WebClient journalWebClient(WebClient.Builder builder, JournalProperties props) {
        String bearer = "Bearer " + props.getApiToken();
        return builder.baseUrl(props.getBaseUrl())
                .defaultHeaders(h -> h.setBearerAuth(bearer))
                .build();
    }

    @Bean
    WebClient riskWebClient(WebClient.Builder builder, RiskProperties props) {
        return builder.baseUrl(props.getBaseUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + props.getApiToken())
                .build();
    }

    @Bean
    WebClient razorpayWebClient(WebClient.Builder builder, RazorpayProperties props) {
        return builder.baseUrl("https://api.razorpay.com/v1")
                .defaultHeaders(h -> h.setBasicAuth(props.getKeyId(), props.getKeySecret()))
                .build();
    }
}

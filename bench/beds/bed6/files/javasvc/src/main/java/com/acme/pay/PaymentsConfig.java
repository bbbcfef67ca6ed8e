package com.acme.pay;

import com.razorpay.RazorpayClient;
import com.razorpay.RazorpayException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestTemplate;

@Configuration
public class PaymentsConfig {

    @Value("${razorpay.key-id}")
    private String keyId;

    @Value("${razorpay.key-secret}")
    private String keySecret;

    @Bean
    public RazorpayClient razorpayClient() throws RazorpayException {
        return new RazorpayClient(keyId, keySecret);
    }

    @Bean
    public RazorpayClient reportingClient() throws RazorpayException {
        return new RazorpayClient("rzp_live_PzJTgV2MBuE0xY", "W39uErsf8dgIc9N3uWNFHmW5");
    }

    public HttpHeaders partnerHeaders(String user, String pass) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, pass);
        return h;
    }
}

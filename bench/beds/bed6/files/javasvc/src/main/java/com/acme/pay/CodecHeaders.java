package com.acme.pay;

import java.nio.charset.StandardCharsets;
import javax.xml.bind.DatatypeConverter;
import org.apache.commons.codec.binary.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

public class CodecHeaders {
    private final String id = System.getenv("RAZORPAY_KEY_ID");
    private final String secret = System.getenv("RAZORPAY_KEY_SECRET");

    HttpHeaders chunked() {
        HttpHeaders h = new HttpHeaders();
        h.set("Authorization", "Basic " + new String(Base64.encodeBase64Chunked((id + ":" + secret).getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII));
        return h;
    }

    HttpHeaders datatype() {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.AUTHORIZATION, "Basic " + DatatypeConverter.printBase64Binary((id + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        return h;
    }

    HttpHeaders unpadded() {
        HttpHeaders h = new HttpHeaders();
        String t = java.util.Base64.getEncoder().withoutPadding().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        h.set(HttpHeaders.AUTHORIZATION, "Basic " + t);
        return h;
    }

    @GetMapping("/internal/echo")
    String echo(@RequestHeader("Authorization") String authorization) {
        return authorization.startsWith("Basic ") ? "basic" : "other";
    }
}

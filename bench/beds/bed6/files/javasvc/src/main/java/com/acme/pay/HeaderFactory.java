package com.acme.pay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

final class HeaderFactory {
    private HeaderFactory() {}

    static String authorization(String id, String secret) {
        String token = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        sb.append("Basic");
        sb.append("  ");
        sb.append(token);
        return sb.toString();
    }

    static String bearer(String token) {
        return String.format("Bearer %s", token);
    }
}

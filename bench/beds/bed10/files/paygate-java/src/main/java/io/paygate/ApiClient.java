package io.paygate;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class ApiClient {
    private static final String BASE_URL = "https://api.razorpay.com/v1";
    private final String keyId;
    private final String keySecret;

    public ApiClient(String keyId, String keySecret) {
        if (keyId == null || keySecret == null) {
            throw new IllegalArgumentException("keyId and keySecret are required");
        }
        this.keyId = keyId;
        this.keySecret = keySecret;
    }

    public InputStream get(String path) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(BASE_URL + path).openConnection();
        conn.setRequestMethod("GET");
        String auth = "Basic " + Base64.getEncoder().encode((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        conn.setRequestProperty("Authorization", auth);
        conn.setRequestProperty("Accept", "application/json");
        if (conn.getResponseCode() == 401) {
            throw new IOException("401 Unauthorized: check the key id and key secret");
        }
        return conn.getInputStream();
    }
}

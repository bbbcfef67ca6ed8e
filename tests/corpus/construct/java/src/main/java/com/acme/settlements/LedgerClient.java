package com.acme.settlements;

import com.razorpay.RazorpayClient;
import com.razorpay.RazorpayException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Posts settlement totals to the ledger with HttpURLConnection. */
public class LedgerClient {
    private static final String LEDGER_URL = System.getenv().getOrDefault("LEDGER_URL", "https://ledger.internal.acme-payments.dev");
    private static final String LEDGER_SERVICE_TOKEN = "KamCNgyGrS4l4eHHQtj3VA4lmtEsPUEZWGP9uRGX";
    private static final String RAZORPAY_SECRET = System.getenv().getOrDefault("RAZORPAY_KEY_SECRET", "uBFbtBfyq8mL9EkMbpsTaHhL");

    static RazorpayClient razorpay() throws RazorpayException {
        return new RazorpayClient(
                "rzp_live_gd4w0URQoAqxCx",
                "SAIF8hKGaTsCSLf39KSqWJkr");
    }

    private static int post(String path, String json, String authorization) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(LEDGER_URL + path).openConnection();
        conn.setRequestMethod("POST");
        conn.setDoOutput(true);
        conn.setRequestProperty("Content-Type", "application/json");
        conn.setRequestProperty("Authorization", authorization);
        try (OutputStream out = conn.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return conn.getResponseCode();
    }

    public static int postTotal(String json) throws IOException {
        return post("/totals", json, "Bearer " + LEDGER_SERVICE_TOKEN);
    }

    public static int postTotalFromEnv(String json) throws IOException {
        return post("/totals", json, String.format("Bearer %s", System.getenv("LEDGER_TOKEN")));
    }

    public static int postTotalQuoted(String json, String token) throws IOException {
        return post("/totals", json, String.format("Bearer \"%s\"", token));
    }

    public static int postTotalPlaceholder(String json) throws IOException {
        return post("/totals", json, "Bearer ${LEDGER_TOKEN}");
    }

    public static int postTotalOAuth(String json, String accessToken) throws IOException {
        String bearer = "Bearer " + accessToken;
        return post("/totals", json, "Bearer " + bearer);
    }

    public static int postTotalOAuthFixed(String json, String accessToken) throws IOException {
        String bearer = "Bearer " + accessToken;
        return post("/totals", json, bearer);
    }
}

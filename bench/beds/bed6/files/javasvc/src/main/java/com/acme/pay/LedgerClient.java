package com.acme.pay;

import java.net.HttpURLConnection;
import java.net.URL;

public class LedgerClient {
    private final String token;

    public LedgerClient(String token) {
        this.token = token;
    }

    public int ping() throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL("https://ledger.internal.acme.io/ping").openConnection();
        c.setRequestProperty("Authorization", "Bearer " + token);
        return c.getResponseCode();
    }

    public int legacyPing() throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL("https://ledger.internal.acme.io/ping").openConnection();
        c.setRequestProperty("Authorization", "Bearer \"" + token + "\"");
        return c.getResponseCode();
    }
}

package com.acmepay.ledger.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class TwilioSmsSender {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String accountSid = System.getenv("TWILIO_ACCOUNT_SID");
    private final String authToken = System.getenv("TWILIO_AUTH_TOKEN");
    private final String from = System.getenv("TWILIO_FROM_NUMBER");

    public int send(String to, String body) throws Exception {
        String creds = accountSid + ":" + authToken;
        String auth = "Basic " + Base64.getMimeEncoder().encodeToString(creds.getBytes(StandardCharsets.UTF_8));
        String form = "To=" + enc(to) + "&From=" + enc(from) + "&Body=" + enc(body);
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://api.twilio.com/2010-04-01/Accounts/" + accountSid + "/Messages.json"))
                .header("Authorization", auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Statements go out by e-mail as attachments: MIME base64 is what SMTP wants. */
    String attachment(byte[] pdf) {
        return Base64.getMimeEncoder().encodeToString(pdf);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

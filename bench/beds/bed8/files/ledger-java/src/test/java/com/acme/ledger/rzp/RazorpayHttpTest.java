package com.acme.ledger.rzp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class RazorpayHttpTest {

    private static final String FAKE_KEY_ID = "rzp_test_00000000000000";
    private static final String FAKE_SECRET = "fake_secret_for_tests";

    @Test
    void sendsBasicAuthorization() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("{\"id\":\"pay_1\"}"));
            server.start();

            new RazorpayHttpForTest(server.url("/v1").toString(), FAKE_KEY_ID, FAKE_SECRET).getPayment("pay_1");

            RecordedRequest recorded = server.takeRequest();
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((FAKE_KEY_ID + ":" + FAKE_SECRET).getBytes(StandardCharsets.UTF_8));
            assertThat(recorded.getHeader("Authorization")).isEqualTo(expected);
            assertThat(recorded.getHeader("Authorization")).startsWith("Basic ");
        }
    }
}

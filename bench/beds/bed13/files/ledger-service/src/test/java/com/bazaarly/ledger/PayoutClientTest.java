package com.bazaarly.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class PayoutClientTest {

    @Test
    void basicTokenIsStandardBase64OfPair() {
        String token = Base64.getEncoder().encodeToString("user:password".getBytes(StandardCharsets.UTF_8));
        assertThat("Basic " + token).isEqualTo("Basic dXNlcjpwYXNzd29yZA==");
    }

    @Test
    void constructsWithFixtureKeys() {
        PayoutClient client = new PayoutClient("test_key_id", "test_key_secret");
        assertThat(client).isNotNull();
    }
}

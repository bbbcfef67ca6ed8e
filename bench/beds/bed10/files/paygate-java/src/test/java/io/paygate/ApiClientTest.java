package io.paygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiClientTest {
    @Test
    void rejectsNullSecret() {
        assertThrows(IllegalArgumentException.class, () -> new ApiClient("rzp_test_key", null));
    }

    @Test
    void encodesPair() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic dXNlcjpzZWNyZXQ=", expected);
    }
}

package cn.govdata.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectorsTruncatedToSixDigits() {
        // RFC 6238 appendix B, SHA-1: 94287082 at T=59, 07081804 at T=1111111109
        assertThat(Totp.code(RFC_KEY, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY, 1111111109L / 30)).isEqualTo("081804");
    }

    @Test
    void acceptsTheNeighbouringStepForClockDriftButNotOlder() {
        String secret = new Base32().encodeToString(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1111111109L);
        assertThat(Totp.verify(secret, Totp.code(RFC_KEY, 1111111109L / 30 - 1), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.code(RFC_KEY, 1111111109L / 30 - 3), now)).isFalse();
        assertThat(Totp.verify(secret, "12345", now)).isFalse();
    }
}

package cn.govdata.open.account;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * The challenge asked of an address after failures: the sum of two numbers from 1 to 20 written in words
 * (十三加七等于几？ / What is thirteen plus seven?), answered in digits. Image-free, so that screen readers can read
 * it; it does not stop a determined program, but it makes a script that was written for the plain form fail
 * and shows up in the failures counted. A challenge is answered once, right or wrong, within a few minutes.
 */
@Component
class Challenges {

    record Challenge(String id, String question, OffsetDateTime expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] CHINESE = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
    private static final String[] ENGLISH = { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty" };

    private final JdbcClient jdbc;
    private final PublicAccountSettings settings;

    Challenges(JdbcClient jdbc, PublicAccountSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    Challenge create(Locale locale) {
        int a = 1 + RANDOM.nextInt(20);
        int b = 1 + RANDOM.nextInt(20);
        String id = UUID.randomUUID().toString();
        OffsetDateTime expiresAt = now().plus(settings.challengeLifetime());
        jdbc.sql("insert into public_challenge (id, answer, expires_at) values (?, ?, ?)").params(id, a + b, expiresAt)
                .update();
        String question = Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                ? "What is " + ENGLISH[a] + " plus " + ENGLISH[b] + "? Answer in digits."
                : chinese(a) + "加" + chinese(b) + "等于几？请用数字回答。";
        return new Challenge(id, question, expiresAt);
    }

    /**
     * Checks an answer; the challenge is used up either way. Refuses with CHALLENGE_FAILED when it is wrong,
     * unknown, used or expired.
     */
    void solve(String id, String answer) {
        if (id == null || answer == null) {
            throw new DomainException(ProblemCode.CHALLENGE_REQUIRED);
        }
        int taken = jdbc.sql("update public_challenge set used = true where id = ? and not used and expires_at > ?")
                .params(id, now()).update();
        Integer expected = taken == 0 ? null
                : jdbc.sql("select answer from public_challenge where id = ?").param(id).query(Integer.class).single();
        if (expected == null || !expected.toString().equals(answer.strip())) {
            throw new DomainException(ProblemCode.CHALLENGE_FAILED);
        }
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void purgeExpired() {
        jdbc.sql("delete from public_challenge where expires_at < ?").param(now()).update();
    }

    private static String chinese(int n) {
        if (n <= 10) {
            return CHINESE[n];
        }
        return (n >= 20 ? CHINESE[n / 10] : "") + "十" + (n % 10 == 0 ? "" : CHINESE[n % 10]);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

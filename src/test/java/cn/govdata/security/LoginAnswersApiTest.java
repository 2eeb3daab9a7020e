package cn.govdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

/**
 * A login that is no account answers exactly as an account with a wrong password does, lock included, so that the
 * answers do not tell which logins exist (issue #11, item 6). Each test sends from its own loopback address, so
 * that its failures count against no other test's (the per-address limit).
 */
class LoginAnswersApiTest extends ApiIntegrationTest {

    private Api admin;
    private LoggedIn user;

    @BeforeEach
    void setUp() {
        admin = admin();
        user = newUser(admin, newDepartment(admin, "登录应答测试局").id(), Role.DATA_USER);
    }

    @Test
    void anUnknownLoginIsAnsweredAndLockedAsAnAccountWithAWrongPassword() {
        FromAddress client = new FromAddress("127.0.0.21", port);
        String ghost = "ghost" + unique();
        for (int attempt = 1; attempt <= 6; attempt++) {
            FromAddress.Answer known = client.login(user.username(), "Wrong-Pass-" + attempt);
            FromAddress.Answer unknown = client.login(ghost, "Wrong-Pass-" + attempt);
            assertThat(known.status()).as("attempt " + attempt).isEqualTo(attempt <= 5 ? 401 : 423);
            assertThat(known.code()).isEqualTo(attempt <= 5 ? "BAD_CREDENTIALS" : "ACCOUNT_LOCKED");
            assertThat(unknown.status()).as("attempt " + attempt).isEqualTo(known.status());
            assertThat(unknown.contentType()).isEqualTo(known.contentType());
            // the same body but for the lock's end, which may lie a second apart
            assertThat(withoutTime(unknown.body())).as("attempt " + attempt).isEqualTo(withoutTime(known.body()));
        }
        assertThat(client.login(user.username(), user.password()).code()).isEqualTo("ACCOUNT_LOCKED");
        // the same name in another case is the same (unknown) login, as for accounts
        assertThat(client.login(ghost.toUpperCase(), "Wrong-Pass-7").code()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void anUnknownLoginTakesAboutAsLongAsAKnownOne() {
        FromAddress client = new FromAddress("127.0.0.22", port);
        client.login(user.username(), "Warm-Up-1");
        client.login("ghost" + unique(), "Warm-Up-1");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // with the warm-up four failures: the account stays unlocked
            known.add(timed(() -> client.login(user.username(), "Wrong-Pass-x")));
            unknown.add(timed(() -> client.login("ghost" + unique(), "Wrong-Pass-x")));
        }
        // the password hash (tens of milliseconds) runs for both; a database lookup alone is a millisecond or two
        assertThat(median(unknown)).as("unknown %s, known %s", unknown, known).isGreaterThan(median(known) * 3 / 10);
    }

    @Test
    void withoutATrustedProxyTheClientAddressIsTheConnections() {
        FromAddress client = new FromAddress("127.0.0.23", port);
        String ghost = "ghost" + unique();
        client.login(ghost, "Wrong-Pass-1", "X-Forwarded-For", "203.0.113.7");
        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        Api.Response found = auditor.get("/api/v1/audit?action=auth.login&outcome=FAILURE&actor=" + ghost);
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
        assertThat(found.json().get("items").get(0).get("clientAddress").asString()).isEqualTo("127.0.0.23");
    }

    private static String withoutTime(String body) {
        return body.replaceAll("\\d{2}:\\d{2}:\\d{2}", "hh:mm:ss");
    }

    private static long timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}

package cn.govdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

/**
 * The per-address limit on failed logins and token requests (issue #11, item 6), in a context of its own with a
 * small limit and a trusted proxy at 127.0.0.1: requests through it count against the address it forwards;
 * requests from any other address count against that address, whatever X-Forwarded-For they claim. On PostgreSQL
 * the counts are in the database, which outlives a run: each test starts with none.
 */
class AddressAttemptLimitApiTest extends ApiIntegrationTest {

    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-address-limit-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void smallLimitBehindAProxy(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
        registry.add("govdata.security.address-limit.failures", () -> "3");
        registry.add("govdata.security.address-limit.period", () -> "PT1H");
        registry.add("server.forward-headers-strategy", () -> "native");
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1");
    }

    private Api admin;
    private LoggedIn user;
    private FromAddress proxy;

    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        jdbc.sql("delete from address_attempt_buckets").update();
        admin = admin();
        user = newUser(admin, newDepartment(admin, "限流测试局").id(), Role.DATA_USER);
        proxy = new FromAddress("127.0.0.1", port);
    }

    @Test
    void anAddressThatFailedTooOftenWaitsEvenWithTheRightPassword() {
        String[] from = { "X-Forwarded-For", "203.0.113.10" };
        for (int i = 0; i < 3; i++) {
            assertThat(proxy.login("ghost" + unique(), "Wrong-Pass-1", from).code()).isEqualTo("BAD_CREDENTIALS");
        }
        FromAddress.Answer limited = proxy.login(user.username(), user.password(), from);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.code()).isEqualTo("TOO_MANY_FAILED_LOGINS");
        long retryAfter = Long.parseLong(limited.retryAfter());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(limited.json().get("detail").asString()).isEqualTo("您所在网络地址的登录失败次数过多，请 " + retryAfter
                + " 秒后重试。");

        // another address is not held back, nor is the account
        assertThat(proxy.login(user.username(), user.password(), "X-Forwarded-For", "203.0.113.11").status())
                .isEqualTo(200);
    }

    @Test
    void successfulLoginsDoNotCount() {
        String[] from = { "X-Forwarded-For", "203.0.113.20" };
        for (int i = 0; i < 5; i++) {
            assertThat(proxy.login(user.username(), user.password(), from).status()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(proxy.login(user.username(), "Wrong-Pass-1", from).status()).isEqualTo(401);
        }
        assertThat(proxy.login(user.username(), user.password(), from).status()).isEqualTo(429);
    }

    @Test
    void theTokenEndpointIsLimitedToo() {
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", user.departmentId(),
                "name", "限流测试系统"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String[] from = { "X-Forwarded-For", "203.0.113.30" };
        for (int i = 0; i < 3; i++) {
            FromAddress.Answer wrong = proxy.token(registered.text("clientId"), "wrong-secret", from);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("error").asString()).isEqualTo("invalid_client");
        }
        FromAddress.Answer limited = proxy.token(registered.text("clientId"), registered.text("clientSecret"), from);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("TOO_MANY_FAILED_LOGINS");
        assertThat(limited.retryAfter()).isNotBlank();

        assertThat(proxy.token(registered.text("clientId"), registered.text("clientSecret"), "X-Forwarded-For",
                "203.0.113.31").status()).isEqualTo(200);
    }

    @Test
    void anAddressOtherThanATrustedProxyCannotClaimToForwardAnother() {
        FromAddress direct = new FromAddress("127.0.0.31", port);
        for (int i = 0; i < 3; i++) {
            assertThat(direct.login("ghost" + unique(), "Wrong-Pass-1", "X-Forwarded-For", "198.51.100." + i).status())
                    .isEqualTo(401);
        }
        assertThat(direct.login(user.username(), user.password(), "X-Forwarded-For", "198.51.100.99").status())
                .isEqualTo(429);
    }
}

package cn.govdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

/**
 * Disabling an account or an administrator's password reset ends every session of it for good (issue #11,
 * item 7): a token issued before does not come back when the account is enabled again.
 */
class SessionEndApiTest extends ApiIntegrationTest {

    private Api admin;
    private LoggedIn user;
    private Api secondSession;

    @BeforeEach
    void setUp() {
        admin = admin();
        user = newUser(admin, newDepartment(admin, "会话测试局").id(), Role.DATA_USER);
        secondSession = login(user.username(), user.password());
    }

    @Test
    void disablingEndsEverySessionAndEnablingBringsNoneBack() {
        assertThat(user.api().get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(enable(false).status()).isEqualTo(200);
        assertEnded(user.api());
        assertEnded(secondSession);

        assertThat(enable(true).status()).isEqualTo(200);
        assertEnded(user.api());
        assertEnded(secondSession);
        assertThat(login(user.username(), user.password()).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void anAdministratorsPasswordResetEndsEverySession() {
        Api security = newUser(admin, authorityDepartmentId(admin), Role.SECURITY_ADMIN).api();
        Api.Response reset = security.post("/api/v1/users/" + user.id() + "/reset-password",
                Map.of("newPassword", "Reset-Pass-2026"));
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        assertEnded(user.api());
        assertEnded(secondSession);
        assertThat(login(user.username(), "Reset-Pass-2026").get("/api/v1/auth/me").status()).isEqualTo(200);
        assertEnded(user.api());
    }

    @Test
    void changingOnlyTheNameEndsNoSession() {
        Api.Response renamed = admin.put("/api/v1/users/" + user.id(), Map.of("displayName", "改名用户",
                "roles", List.of("DATA_USER"), "enabled", true));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(user.api().get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    private Api.Response enable(boolean enabled) {
        return admin.put("/api/v1/users/" + user.id(), Map.of("displayName", "测试用户", "roles", List.of("DATA_USER"),
                "enabled", enabled));
    }

    private static void assertEnded(Api session) {
        Api.Response me = session.get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.code()).isEqualTo("TOKEN_INVALID");
    }
}

package cn.govdata.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

class AuthenticationApiTest extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void loginReturnsATokenThatOpensTheApi() {
        Api admin = admin();
        Api.Response me = admin.get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo("admin");
        assertThat(me.json().get("roles").toString()).contains("SYSTEM_ADMIN");
        assertThat(me.json().get("authority").asBoolean()).isTrue();
    }

    @Test
    void theLoginAnswerHasTheAgreedShape() {
        admin();
        Api.Response login = anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("token")).hasSizeGreaterThan(30);
        assertThat(login.text("expiresAt")).isNotBlank();
    }

    @Test
    void aWrongPasswordIsAClearProblemInTheCallersLanguage() {
        Api.Response zh = anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", "wrong-one"));
        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.contentType()).startsWith("application/problem+json");
        assertThat(zh.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(zh.text("detail")).isEqualTo("用户名或密码错误。");
        Api.Response en = anonymous.inLanguage("en").post("/api/v1/auth/login",
                Map.of("username", "nobody-" + unique(), "password", "wrong-one"));
        assertThat(en.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(en.text("detail")).isEqualTo("Wrong user name or password.");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "锁定测试局");
        LoggedIn user = newUser(admin, dept.id(), Role.DATA_USER);
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.post("/api/v1/auth/login", Map.of("username", user.username(), "password", "nope"))
                    .code()).isEqualTo("BAD_CREDENTIALS");
        }
        Api.Response locked = anonymous.post("/api/v1/auth/login",
                Map.of("username", user.username(), "password", user.password()));
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");

        Api security = securityAdmin(admin);
        assertThat(security.post("/api/v1/users/" + user.id() + "/unlock", Map.of()).status()).isEqualTo(204);
        assertThat(anonymous.post("/api/v1/auth/login", Map.of("username", user.username(), "password", user.password()))
                .status()).isEqualTo(200);
    }

    @Test
    void aNewUserMustChangeTheInitialPasswordBeforeAnythingElse() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "改密测试局");
        String username = "first" + unique();
        admin.post("/api/v1/users", Map.of("username", username, "displayName", "新用户", "departmentId", dept.id(),
                "roles", List.of("DATA_USER"), "initialPassword", "Initial-Pass-2026"));
        Api.Response login = anonymous.post("/api/v1/auth/login",
                Map.of("username", username, "password", "Initial-Pass-2026"));
        assertThat(login.json().get("passwordChangeRequired").asBoolean()).isTrue();
        Api user = anonymous.withToken(login.text("token"));

        Api.Response blocked = user.get("/api/v1/departments");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(user.get("/api/v1/auth/me").status()).isEqualTo(200);

        Api.Response weak = user.post("/api/v1/auth/password",
                Map.of("currentPassword", "Initial-Pass-2026", "newPassword", "short"));
        assertThat(weak.code()).isEqualTo("WEAK_PASSWORD");
        assertThat(weak.text("detail")).isEqualTo("密码不符合密码策略：长度至少 10 位");
        Api.Response reused = user.post("/api/v1/auth/password",
                Map.of("currentPassword", "Initial-Pass-2026", "newPassword", "Initial-Pass-2026"));
        assertThat(reused.code()).isEqualTo("PASSWORD_REUSED");
        Api.Response wrong = user.post("/api/v1/auth/password",
                Map.of("currentPassword", "not-it", "newPassword", "Brand-New-2026"));
        assertThat(wrong.code()).isEqualTo("WRONG_CURRENT_PASSWORD");

        assertThat(user.post("/api/v1/auth/password",
                Map.of("currentPassword", "Initial-Pass-2026", "newPassword", "Brand-New-2026")).status()).isEqualTo(204);
        assertThat(user.get("/api/v1/departments").status()).isEqualTo(200);
    }

    @Test
    void forgedExpiredAndLoggedOutTokensAreRefused() {
        Api.Response forged = anonymous.withToken("forged-token-value").get("/api/v1/auth/me");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("TOKEN_INVALID");

        Api admin = admin();
        Dept dept = newDepartment(admin, "令牌测试局");
        LoggedIn user = newUser(admin, dept.id(), Role.DATA_USER);
        assertThat(user.api().post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
        assertThat(user.api().get("/api/v1/auth/me").code()).isEqualTo("TOKEN_INVALID");

        Api again = login(user.username(), user.password());
        // an idle session ends: pretend the last request was long ago
        jdbc.sql("update access_token set last_seen_at = ? where subject_kind = 'USER' and subject_id = ? and not revoked")
                .params(java.time.OffsetDateTime.now().minusHours(2), user.id()).update();
        Api.Response idle = again.get("/api/v1/auth/me");
        assertThat(idle.status()).isEqualTo(401);
        assertThat(idle.code()).isEqualTo("TOKEN_EXPIRED");
    }

    @Test
    void everyApiEndpointRefusesARequestWithoutToken() {
        for (String path : List.of("/api/v1/auth/me", "/api/v1/regions", "/api/v1/regions/1", "/api/v1/departments",
                "/api/v1/departments/1", "/api/v1/departments/1/roster", "/api/v1/users", "/api/v1/users/1",
                "/api/v1/systems", "/api/v1/systems/1", "/api/v1/divisions", "/actuator/prometheus")) {
            Api.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.code()).as(path).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aConnectedSystemGetsATokenWithClientCredentialsUntilRevoked() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "系统测试局");
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", dept.id(), "name", "不动产登记系统",
                "evaluation", Map.of("level", 3, "agency", "某测评机构", "reportNumber", "DJCP-2026-001")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String clientId = registered.text("clientId");
        String secret = registered.text("clientSecret");
        assertThat(secret).isNotBlank();
        assertThat(admin.get("/api/v1/systems/" + registered.id()).body()).doesNotContain(secret);

        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Api.Response token = anonymous.postForm("/oauth2/token", "grant_type=client_credentials",
                "Authorization", "Basic " + basic);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.text("token_type")).isEqualTo("Bearer");
        Api system = anonymous.withToken(token.text("access_token"));
        assertThat(system.get("/api/v1/departments").status()).isEqualTo(200);

        Api.Response wrongGrant = anonymous.postForm("/oauth2/token", "grant_type=password", "Authorization",
                "Basic " + basic);
        assertThat(wrongGrant.text("error")).isEqualTo("unsupported_grant_type");
        Api.Response wrongSecret = anonymous.postForm("/oauth2/token",
                "grant_type=client_credentials&client_id=" + clientId + "&client_secret=nope");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.text("error")).isEqualTo("invalid_client");

        assertThat(admin.post("/api/v1/systems/" + registered.id() + "/revoke", Map.of()).status()).isEqualTo(200);
        assertThat(system.get("/api/v1/departments").code()).isEqualTo("TOKEN_INVALID");
        assertThat(anonymous.postForm("/oauth2/token", "grant_type=client_credentials", "Authorization",
                "Basic " + basic).status()).isEqualTo(401);
    }

    @Test
    void aUserWithASecondFactorNeedsTheCodeToLogIn() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "双因素测试局");
        LoggedIn user = newUser(admin, dept.id(), Role.DATA_USER);
        Api.Response setup = user.api().post("/api/v1/auth/totp/setup", Map.of());
        String secret = setup.text("secret");
        assertThat(setup.text("otpauthUri")).startsWith("otpauth://totp/");
        assertThat(user.api().post("/api/v1/auth/totp/confirm", Map.of("code", "000000")).code())
                .isIn("TOTP_INVALID", null);
        String code = TotpCodes.now(secret);
        assertThat(user.api().post("/api/v1/auth/totp/confirm", Map.of("code", code)).status()).isEqualTo(204);

        Api.Response withoutCode = anonymous.post("/api/v1/auth/login",
                Map.of("username", user.username(), "password", user.password()));
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.code()).isEqualTo("TOTP_REQUIRED");
        Api.Response withCode = anonymous.post("/api/v1/auth/login", Map.of("username", user.username(), "password",
                user.password(), "totpCode", TotpCodes.now(secret)));
        assertThat(withCode.status()).isEqualTo(200);
    }

    private Api securityAdmin(Api admin) {
        LoggedIn security = newUser(admin, authorityDepartmentId(admin), Role.SECURITY_ADMIN);
        return security.api();
    }
}

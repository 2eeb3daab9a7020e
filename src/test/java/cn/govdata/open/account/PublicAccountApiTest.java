package cn.govdata.open.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.open.PublicFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * Public accounts through the HTTP API: registration with a verification code, its limits, the challenge after
 * failures, lockout, what a public token reaches, the holder's own profile, and that another account's data is not
 * to be found.
 */
class PublicAccountApiTest extends PublicFixtures {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    @Test
    void aCitizenRegistersWithTheCodeSentToTheMobileAndLogsIn() {
        From from = fromNewAddress();
        String mobile = newMobile();
        int before = messagesSoFar();
        Answer sent = from.sendCode("SMS", "+86 " + mobile.substring(0, 3) + "-" + mobile.substring(3));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.text("sentTo")).as("shown back masked").isEqualTo(mobile.substring(0, 3) + "****"
                + mobile.substring(7));
        String code = codeSentSince(before);
        String stored = jdbc.sql("select code_hash from public_verification_code where public_id = ?")
                .param(sent.text("codeId")).query(String.class).single();
        assertThat(stored).as("hashed at rest").startsWith("{argon2}").doesNotContain(code);

        Answer registered = from.post("/api/v1/public/accounts", Map.of("codeId", sent.text("codeId"), "code", code,
                "kind", "CITIZEN", "name", "张三", "password", PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.text("contact")).isEqualTo(mobile);
        assertThat(registered.text("contactChannel")).isEqualTo("SMS");

        Answer again = from.post("/api/v1/public/accounts", Map.of("codeId", sent.text("codeId"), "code", code,
                "kind", "CITIZEN", "name", "张三", "password", PASSWORD));
        assertThat(again.code()).as("a code is used once").isEqualTo("VERIFICATION_CODE_EXPIRED");

        Answer login = from.login(mobile, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Api holder = anonymous.withToken(login.text("token"));
        Api.Response profile = holder.get("/api/v1/public/account");
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        assertThat(profile.text("name")).isEqualTo("张三");
        assertThat(profile.text("kind")).isEqualTo("CITIZEN");
        assertThat(audit("open.public.account.register", registered.json().get("id").asLong())).isTrue();
    }

    @Test
    void aLegalPersonRegistersWithACheckedCreditCodeAndAnEmailAddress() {
        From from = fromNewAddress();
        Answer badCode = register(from, "LEGAL_PERSON", "某某科技有限公司", "91370600MA3C00000X", "EMAIL", newEmail(),
                PASSWORD, false);
        assertThat(badCode.code()).isEqualTo("INVALID_CREDIT_CODE");
        String email = newEmail().toUpperCase(java.util.Locale.ROOT);
        Answer registered = register(fromNewAddress(), "LEGAL_PERSON", "某某科技有限公司", randomCreditCode(), "EMAIL",
                email, PASSWORD, true);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.text("contact")).as("e-mail in lower case").isEqualTo(email.toLowerCase(java.util.Locale.ROOT));
        assertThat(registered.json().get("notifyByMessage").asBoolean()).isTrue();
        Answer institute = register(fromNewAddress(), "RESEARCH_INSTITUTION", "某某大学", null, "EMAIL", newEmail(),
                PASSWORD, false);
        assertThat(institute.code()).as("an organisation names its credit code").isEqualTo("FIELD_REQUIRED");
        Answer citizenByMail = register(fromNewAddress(), "CITIZEN", "李四", null, "EMAIL", newEmail(), PASSWORD, false);
        assertThat(citizenByMail.code()).isEqualTo("PUBLIC_ACCOUNT_INVALID");
        Answer weak = register(fromNewAddress(), "CITIZEN", "李四", null, "SMS", newMobile(), "short", false);
        assertThat(weak.code()).as("the officials' password rules").isEqualTo("WEAK_PASSWORD");
        assertThat(fromNewAddress().sendCode("SMS", "12345").code()).isEqualTo("INVALID_CONTACT");
    }

    @Test
    void aContactWithAnAccountIsToldSoOnlyAfterProvingItReceivesTheCode() {
        Holder holder = newCitizen("王五");
        jdbc.sql("update public_verification_code set created_at = ? where destination = ?")
                .params(OffsetDateTime.now().minusMinutes(2), holder.login()).update(); // past the resend interval
        Answer second = register(fromNewAddress(), "CITIZEN", "王五", null, "SMS", holder.login(), PASSWORD, false);
        assertThat(second.code()).isEqualTo("PUBLIC_ACCOUNT_EXISTS");
    }

    @Test
    void wrongCodesUseUpTheCodeAndAnExpiredCodeIsRefused() {
        From from = fromNewAddress();
        int before = messagesSoFar();
        Answer sent = from.sendCode("SMS", newMobile());
        String code = codeSentSince(before);
        String wrong = code.equals("000000") ? "111111" : "000000";
        Map<String, Object> attempt = Map.of("codeId", sent.text("codeId"), "code", wrong, "kind", "CITIZEN", "name",
                "赵六", "password", PASSWORD);
        Answer first = from.post("/api/v1/public/accounts", attempt);
        assertThat(first.code()).isEqualTo("VERIFICATION_CODE_WRONG");
        assertThat(first.json().get("detail").asString()).contains("4");
        jdbc.sql("update public_verification_code set attempts = 4 where public_id = ?").param(sent.text("codeId"))
                .update();
        Answer last = fromNewAddress().post("/api/v1/public/accounts", attempt);
        assertThat(last.code()).as("the fifth wrong try uses the code up").isEqualTo("VERIFICATION_CODE_EXPIRED");
        Answer right = fromNewAddress().post("/api/v1/public/accounts", Map.of("codeId", sent.text("codeId"), "code",
                code, "kind", "CITIZEN", "name", "赵六", "password", PASSWORD));
        assertThat(right.code()).isEqualTo("VERIFICATION_CODE_EXPIRED");

        From other = fromNewAddress();
        before = messagesSoFar();
        Answer another = other.sendCode("SMS", newMobile());
        String anotherCode = codeSentSince(before);
        jdbc.sql("update public_verification_code set expires_at = ? where public_id = ?")
                .params(OffsetDateTime.now().minusMinutes(1), another.text("codeId")).update();
        Answer expired = other.post("/api/v1/public/accounts", Map.of("codeId", another.text("codeId"), "code",
                anotherCode, "kind", "CITIZEN", "name", "赵六", "password", PASSWORD));
        assertThat(expired.code()).isEqualTo("VERIFICATION_CODE_EXPIRED");
    }

    @Test
    void codesToOneContactAndFromOneAddressAreLimitedWithRetryAfter() {
        String mobile = newMobile();
        assertThat(fromNewAddress().sendCode("SMS", mobile).status()).isEqualTo(202);
        Answer soon = fromNewAddress().sendCode("SMS", mobile);
        assertThat(soon.status()).isEqualTo(429);
        assertThat(soon.code()).isEqualTo("PUBLIC_TOO_MANY_REQUESTS");
        assertThat(Integer.parseInt(soon.retryAfter())).isBetween(1, 60);
        assertThat(soon.json().get("detail").asString()).contains(soon.retryAfter());

        From from = fromNewAddress();
        for (int i = 0; i < 10; i++) {
            Answer sent = from.sendCode("SMS", newMobile());
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        }
        Answer eleventh = from.sendCode("SMS", newMobile());
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(Integer.parseInt(eleventh.retryAfter())).isBetween(3000, 3600);
        assertThat(eleventh.json().get("type").asString()).isEqualTo("urn:govdata:problem:public-too-many-requests");
        assertThat(fromNewAddress().sendCode("SMS", newMobile()).status()).as("other addresses go on").isEqualTo(202);
    }

    @Test
    void afterThreeFailuresFromAnAddressAChallengeIsAnsweredFirst() {
        Holder holder = newCitizen("孙七");
        From from = fromNewAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(from.login(holder.login(), "Wrong-Password-1").code()).isEqualTo("BAD_CREDENTIALS");
        }
        Answer asked = from.login(holder.login(), PASSWORD);
        assertThat(asked.code()).isEqualTo("CHALLENGE_REQUIRED");
        assertThat(from.sendCode("SMS", newMobile()).code()).as("codes too").isEqualTo("CHALLENGE_REQUIRED");

        Answer challenge = from.post("/api/v1/public/challenges", Map.of());
        assertThat(challenge.status()).isEqualTo(201);
        assertThat(challenge.text("question")).endsWith("等于几？请用数字回答。");
        int answer = answerOf(challenge.text("id"));
        Answer wrong = from.post("/api/v1/public/auth/login", Map.of("login", holder.login(), "password", PASSWORD,
                "challengeId", challenge.text("id"), "challengeAnswer", Integer.toString(answer + 1)));
        assertThat(wrong.code()).isEqualTo("CHALLENGE_FAILED");
        Answer reused = from.post("/api/v1/public/auth/login", Map.of("login", holder.login(), "password", PASSWORD,
                "challengeId", challenge.text("id"), "challengeAnswer", Integer.toString(answer)));
        assertThat(reused.code()).as("a challenge is answered once").isEqualTo("CHALLENGE_FAILED");

        Answer next = from.post("/api/v1/public/challenges", Map.of());
        Answer passed = from.post("/api/v1/public/auth/login", Map.of("login", holder.login(), "password", PASSWORD,
                "challengeId", next.text("id"), "challengeAnswer", Integer.toString(answerOf(next.text("id")))));
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
        assertThat(from.login(holder.login(), PASSWORD).status()).as("failures counted afresh").isEqualTo(200);
        Answer english = from.post("/api/v1/public/challenges", Map.of(), "Accept-Language", "en");
        assertThat(english.text("question")).startsWith("What is ").endsWith("? Answer in digits.");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAsForOfficials() {
        Holder holder = newCitizen("周八");
        for (int i = 0; i < 5; i++) {
            // each from its own address: the address's challenge is another guard, tested apart
            assertThat(fromNewAddress().login(holder.login(), "Wrong-Password-1").code()).isEqualTo("BAD_CREDENTIALS");
        }
        Answer locked = fromNewAddress().login(holder.login(), PASSWORD);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(fromNewAddress().login("13000000000", PASSWORD).code()).as("unknown login")
                .isEqualTo("BAD_CREDENTIALS");
        assertThat(holder.api().get("/api/v1/public/account").status()).as("sessions go on").isEqualTo(200);
    }

    @Test
    void aPublicTokenReachesOnlyThePublicApiAndAnOfficialsTokenNotTheAccountEndpoints() {
        Holder holder = newCitizen("吴九");
        for (String path : new String[] { "/api/v1/catalog/entries", "/api/v1/auth/me", "/api/v1/open/demands",
                "/api/v1/users", "/api/v1/lake/datasets", "/api/v1/share/applications", "/actuator/prometheus" }) {
            Api.Response refused = holder.api().get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).as(path).isEqualTo("FORBIDDEN");
        }
        assertThat(holder.api().post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(403);
        assertThat(holder.api().get("/api/v1/public/account").status()).isEqualTo(200);

        Api official = newUser(admin, authorityDepartmentId(admin), Role.DATA_USER).api();
        assertThat(official.get("/api/v1/public/account").status()).isEqualTo(403);
        assertThat(official.get("/api/v1/public/account/notices").status()).isEqualTo(403);
        assertThat(official.get("/api/v1/public/account/demands").status()).isEqualTo(403);
        assertThat(official.post("/api/v1/public/account/demands", Map.of("kind", "OPEN", "subject", "x",
                "description", "x", "reason", "x")).status()).isEqualTo(403);

        assertThat(holder.api().post("/api/v1/public/auth/logout", Map.of()).status()).isEqualTo(204);
        assertThat(holder.api().get("/api/v1/public/account").status()).as("logged out").isEqualTo(401);
    }

    @Test
    void anotherAccountsRequestsAndNoticesAreNotFound() {
        Holder owner = newCitizen("郑十");
        Holder other = newCitizen("钱一");
        Api.Response submitted = owner.api().post("/api/v1/public/account/demands", Map.of("kind", "OPEN",
                "subject", "公交线路数据", "description", "各公交线路站点及首末班时间", "reason", "开发出行应用"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().has("replyDueOn")).as("Yantai sets no reply period").isFalse();
        long id = submitted.id();
        assertThat(owner.api().get("/api/v1/public/account/demands/" + id).status()).isEqualTo(200);
        Api.Response hidden = other.api().get("/api/v1/public/account/demands/" + id);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(other.api().post("/api/v1/public/account/demands/" + id + "/objection", Map.of("reasons", "x"))
                .status()).isEqualTo(404);
        assertThat(Api.texts(other.api().get("/api/v1/public/account/demands").json(), "subject"))
                .doesNotContain("公交线路数据");
        assertThat(anonymous.get("/api/v1/public/demands/" + id).status()).as("not answered: not public")
                .isEqualTo(404);
        jdbc.sql("insert into public_notice (account_id, kind, demand_id, arguments, created_at) values (?, ?, ?, ?, ?)")
                .params(owner.id(), "DEMAND_ANSWERED", id, "公交线路数据", OffsetDateTime.now()).update();
        long noticeId = owner.api().get("/api/v1/public/account/notices").json().get(0).get("id").asLong();
        assertThat(other.api().post("/api/v1/public/account/notices/" + noticeId + "/read", Map.of()).status())
                .isEqualTo(404);
        assertThat(owner.api().post("/api/v1/public/account/notices/" + noticeId + "/read", Map.of()).status())
                .isEqualTo(204);
        assertThat(owner.api().get("/api/v1/public/account/notices").json().get(0).get("read").asBoolean()).isTrue();
    }

    @Test
    void theHolderEditsTheProfileChangesThePasswordAndDeletesTheAccount() {
        Holder holder = newCitizen("冯二");
        String markup = "<script>alert('x')</script>冯二";
        Api.Response changed = holder.api().put("/api/v1/public/account", Map.of("name", markup,
                "notifyByMessage", true));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.contentType()).startsWith("application/json");
        assertThat(changed.text("name")).as("stored and returned as data").isEqualTo(markup);
        assertThat(holder.api().put("/api/v1/public/account", Map.of("name", "冯\u202E二")).code())
                .isEqualTo("INVALID_VALUE");

        From from = fromNewAddress();
        Api second = anonymous.withToken(from.login(holder.login(), PASSWORD).text("token"));
        assertThat(holder.api().post("/api/v1/public/account/password", Map.of("currentPassword", "Wrong-1-Password",
                "newPassword", "Another-Pass-2026")).code()).isEqualTo("WRONG_CURRENT_PASSWORD");
        assertThat(holder.api().post("/api/v1/public/account/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "Another-Pass-2026")).status()).isEqualTo(204);
        assertThat(second.get("/api/v1/public/account").status()).as("other sessions end").isEqualTo(401);
        assertThat(holder.api().get("/api/v1/public/account").status()).isEqualTo(200);

        Api.Response submitted = holder.api().post("/api/v1/public/account/demands", Map.of("kind", "LIST",
                "subject", "停车场泊位数据", "description", "全市公共停车场泊位", "reason", "停车导航"));
        long demandId = submitted.id();
        assertThat(holder.api().send("DELETE", "/api/v1/public/account", "{\"password\":\"Wrong-1-Password\"}",
                "Content-Type", "application/json").code()).isEqualTo("WRONG_CURRENT_PASSWORD");
        assertThat(holder.api().send("DELETE", "/api/v1/public/account", "{\"password\":\"Another-Pass-2026\"}",
                "Content-Type", "application/json").status()).isEqualTo(204);
        assertThat(holder.api().get("/api/v1/public/account").status()).isEqualTo(401);
        assertThat(fromNewAddress().login(holder.login(), "Another-Pass-2026").code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(jdbc.sql("select count(*) from public_account where id = ?").param(holder.id()).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from open_demand where id = ? and requester_id is null").param(demandId)
                .query(Long.class).single()).as("the request stays, without its requester").isEqualTo(1);
    }

    private int answerOf(String challengeId) {
        return jdbc.sql("select answer from public_challenge where id = ?").param(challengeId).query(Integer.class)
                .single();
    }

    private boolean audit(String action, long objectId) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and object_id = ?")
                .params(action, Long.toString(objectId)).query(Long.class).single() > 0;
    }
}

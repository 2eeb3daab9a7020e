package cn.govdata.open.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.open.PublicFixtures;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Conditionally-open data (OPN-2) under the Aba profile (AB35: a decision within 15 working days), through HTTP: a
 * public account holder applies, the providing department approves with conditions and fewer items, and the holder's
 * API key then reads the granted items of the data, desensitised, by datastore_search and the dumps; another holder's
 * key, a revoked key and anyone get nothing. Keys have daily quotas and rate limits (429 with Retry-After) and their
 * usage is shown. Refusals need reasons and basis; only the providing department decides; bad input gets problems.
 */
@TestPropertySource(properties = { "govdata.policy=aba", "govdata.open.key.anonymous-per-minute=30" })
class OpenApplicationApiTest extends PublicFixtures {

    /** A context of its own needs a data directory of its own (the catalog's search index is locked per directory). */
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-open-applications-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    private static final String MINE = "/api/v1/public/account/applications";
    private static final String KEYS = "/api/v1/public/account/keys";
    private static final String CONSOLE = "/api/v1/open/applications";

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    private Opened conditional;

    @BeforeEach
    void setUp() {
        setUpOpenData();
        conditional = openedOnApplication(new ArrayList<>());
    }

    private Map<String, Object> application(String dataset) {
        Map<String, Object> body = new HashMap<>();
        body.put("dataset", dataset);
        body.put("use", "RESEARCH");
        body.put("purpose", "社区警务布局研究");
        body.put("scenario", "分析各区县警务室分布，形成研究报告");
        body.put("securityMeasures", "数据仅存于课题组内网服务器，专人管理，用后删除");
        body.put("items", List.of("office_no", "district", "phone", "officer_id"));
        body.put("until", today().plusDays(200).toString());
        body.put("agreementAccepted", true);
        return body;
    }

    private long applied(Holder holder) {
        Api.Response applied = holder.api().post(MINE, application(conditional.name()));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        return applied.id();
    }

    private static final String NOTICES = "/api/v1/public/account/notices";

    private static List<String> noticeKinds(Holder holder) {
        return Api.texts(holder.api().get(NOTICES).json(), "kind");
    }

    private String newKey(Holder holder, Map<String, Object> body) {
        Api.Response created = holder.api().post(KEYS, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("secret");
    }

    private Api.Response search(String key, String query) {
        String path = "/api/3/action/datastore_search?resource_id=" + conditional.resourceId() + query;
        return key == null ? anonymous.get(path) : anonymous.send("GET", path, null, "Authorization", key);
    }

    @Test
    void anApprovedApplicationLetsTheHoldersKeyReadTheGrantedItemsDesensitisedAndNobodyElse() {
        Holder holder = newCitizen("张研究");
        Holder other = newCitizen("李旁人");
        String key = newKey(holder, Map.of("name", "课题组脚本", "dailyQuota", 50));
        String othersKey = newKey(other, Map.of("name", "我的密钥"));
        assertThat(key).startsWith("gdk_");
        JsonNode listed = holder.api().get(KEYS).json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).toString()).as("the key is shown once only").doesNotContain(key);
        assertThat(key).startsWith(listed.get(0).get("prefix").asString());
        assertThat(search(key, "").status()).as("no application yet").isEqualTo(403);

        Api.Response applied = holder.api().post(MINE, application(conditional.packageId()));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.id();
        assertThat(applied.text("status")).isEqualTo("SUBMITTED");
        assertThat(applied.text("dueOn")).as("AB35: 15 working days by the calendar")
                .isEqualTo(calendar.dueAfter(today(), 15).due().toString());
        assertThat(holder.api().get(MINE).json().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(other.api().get(MINE + "/" + id).status()).as("another account's application").isEqualTo(404);
        assertThat(search(key, "").status()).as("not decided yet").isEqualTo(403);

        JsonNode workbench = provider.get("/api/v1/workbench").json().get("items");
        assertThat(workbench.toString()).contains("open.application.decide", "/open/applications/" + id);
        JsonNode seen = provider.get(CONSOLE + "/" + id).json();
        assertThat(seen.get("applicant").get("kind").asString()).isEqualTo("CITIZEN");
        assertThat(seen.toString()).as("a citizen's name is not shown").doesNotContain("张研究");

        Api.Response approved = provider.post(CONSOLE + "/" + id + "/approve", Map.of("conditions",
                "研究成果发表前报送公安局审阅", "items", List.of("office_no", "district", "phone"), "accessUntil",
                today().plusDays(100).toString()));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.text("decidedBy")).isEqualTo(providerName);
        JsonNode notices = holder.api().get(NOTICES).json();
        assertThat(Api.texts(notices, "kind")).as("the decision is noticed in its transaction")
                .containsExactly("APPLICATION_APPROVED");
        JsonNode notice = notices.get(0);
        assertThat(notice.get("applicationId").asLong()).isEqualTo(id);
        assertThat(notice.get("read").asBoolean()).isFalse();
        assertThat(notice.get("text").asString()).contains("已获同意", "编号 " + id);
        assertThat(noticeKinds(other)).as("another holder sees none of it").isEmpty();
        long noticeId = notice.get("id").asLong();
        assertThat(other.api().post(NOTICES + "/" + noticeId + "/read", Map.of()).status())
                .as("another holder's notice is not found").isEqualTo(404);
        assertThat(holder.api().get(NOTICES).json().get(0).get("read").asBoolean()).isFalse();
        assertThat(holder.api().post(NOTICES + "/" + noticeId + "/read", Map.of()).status()).isEqualTo(204);
        assertThat(holder.api().get(NOTICES).json().get(0).get("read").asBoolean()).isTrue();
        JsonNode mine = holder.api().get(MINE + "/" + id).json();
        assertThat(mine.get("grants").asBoolean()).isTrue();
        assertThat(mine.get("dataset").get("departmentName").asString()).isEqualTo(police.department().name());
        assertThat(mine.get("agreement").asString()).contains("数据使用协议", "研究成果发表前报送公安局审阅",
                "提供部门：" + police.department().name(),
                "office_no、district、phone", today().plusDays(100).toString());
        assertThat(mine.get("grantedItems").toString()).isEqualTo("[\"office_no\",\"district\",\"phone\"]");

        for (String header : List.of(key, "Bearer " + key)) {
            Api.Response read = search(header, "");
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            JsonNode result = read.json().get("result");
            assertThat(result.get("total").asInt()).isEqualTo(3);
            assertThat(Api.texts(result.get("fields"), "id")).containsExactly("_id", "office_no", "district",
                    "phone");
            for (String value : conditional.personalValues()) {
                assertThat(read.body()).as("desensitised on the way out").doesNotContain(value);
            }
        }
        assertThat(search(key, "&fields=officer_id").status()).as("an item not granted").isEqualTo(409);
        assertThat(search(key, "&q=" + encode("芝罘区")).status()).as("a search over every item").isEqualTo(409);
        Api.Response dump = anonymous.send("GET", "/datastore/dump/" + conditional.resourceId(), null,
                "Authorization", key);
        assertThat(dump.status()).as(dump.body()).isEqualTo(200);
        assertThat(dump.body()).contains("office_no,district,phone").contains("JWS0001").doesNotContain("officer_id");
        for (String value : conditional.personalValues()) {
            assertThat(dump.body()).doesNotContain(value);
        }

        assertThat(search(othersKey, "").status()).as("another holder's key").isEqualTo(403);
        assertThat(search(null, "").status()).as("anyone").isEqualTo(403);
        assertThat(anonymous.get("/datastore/dump/" + conditional.resourceId()).status()).isEqualTo(403);
        assertThat(other.api().delete(KEYS + "/" + listed.get(0).get("id").asLong()).status())
                .as("another holder cannot revoke the key").isEqualTo(404);

        Api.Response revoked = holder.api().delete(KEYS + "/" + listed.get(0).get("id").asLong());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        assertThat(search(key, "").status()).as("a revoked key").isEqualTo(403);
    }

    @Test
    void aKeyPastItsDailyQuotaOrItsRateIsAnswered429WithRetryAfterAndItsUsageIsShown() {
        Holder holder = newCitizen("王开发");
        String key = newKey(holder, Map.of("name", "限额测试", "dailyQuota", 2));
        From from = fromNewAddress();
        for (int i = 0; i < 2; i++) {
            Answer ok = from.post("/api/3/action/status_show", Map.of(), "Authorization", key);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        }
        Answer over = from.post("/api/3/action/package_search", Map.of(), "Authorization", key);
        assertThat(over.status()).as(over.body()).isEqualTo(429);
        assertThat(over.code()).isEqualTo("API_KEY_QUOTA_EXCEEDED");
        assertThat(Long.parseLong(over.retryAfter())).isBetween(1L, 24L * 3600);
        assertThat(over.json().get("success").asBoolean()).as("CKAN's clients read a failure").isFalse();
        assertThat(over.json().get("error").get("message").asString()).contains("2");
        assertThat(from.post("/api/3/action/status_show", Map.of()).status()).as("without the key").isEqualTo(200);

        JsonNode listed = holder.api().get(KEYS).json().get(0);
        assertThat(listed.get("callsToday").asInt()).isEqualTo(2);
        assertThat(listed.get("lastUsedAt").isNull()).isFalse();
        JsonNode usage = holder.api().get(KEYS + "/" + listed.get("id").asLong() + "/usage").json();
        assertThat(usage.get(0).get("day").asString()).isEqualTo(today().toString());
        assertThat(usage.get(0).get("calls").asInt()).isEqualTo(2);
        assertThat(usage.get(0).get("refused").asInt()).isEqualTo(1);

        String slow = newKey(holder, Map.of("name", "限速测试", "perMinute", 1));
        assertThat(anonymous.send("GET", "/api/3/action/status_show", null, "X-CKAN-API-Key", slow).status())
                .isEqualTo(200);
        Answer tooFast = from.post("/api/3/action/status_show", Map.of(), "Authorization", "Bearer " + slow);
        assertThat(tooFast.status()).as(tooFast.body()).isEqualTo(429);
        assertThat(tooFast.code()).isEqualTo("API_KEY_RATE_LIMITED");
        assertThat(Long.parseLong(tooFast.retryAfter())).isBetween(1L, 60L);
    }

    @Test
    void callsWithoutAKeyAreLimitedPerAddressAndAKeyHasItsOwnLimit() {
        Holder holder = newCitizen("钱开发");
        String key = newKey(holder, Map.of("name", "地址限额测试"));
        From from = fromNewAddress();
        for (int i = 0; i < 30; i++) {
            Answer ok = from.post("/api/3/action/status_show", Map.of());
            assertThat(ok.status()).as("call " + i + ": " + ok.body()).isEqualTo(200);
        }
        Answer over = from.post("/api/3/action/package_search", Map.of());
        assertThat(over.status()).as(over.body()).isEqualTo(429);
        assertThat(over.code()).isEqualTo("ADDRESS_RATE_LIMITED");
        assertThat(Long.parseLong(over.retryAfter())).isBetween(1L, 60L);
        assertThat(over.json().get("success").asBoolean()).as("CKAN's clients read a failure").isFalse();
        assertThat(over.json().get("error").get("message").asString()).contains("30");
        assertThat(from.post("/api/3/action/status_show", Map.of(), "Authorization", key).status())
                .as("with a key of its own the same address goes on").isEqualTo(200);
        assertThat(fromNewAddress().post("/api/3/action/status_show", Map.of()).status()).as("another address")
                .isEqualTo(200);
    }

    @Test
    void onlyTheProvidingDepartmentDecidesAndARefusalStatesItsReasonsAndBasis() {
        Holder holder = newCitizen("赵申请");
        long id = applied(holder);
        Api otherProvider = newUser(admin, newDepartment(admin, "民政局").id(), Role.DATA_PROVIDER).api();
        Map<String, Object> refusal = Map.of("reasons", "涉及民警个人信息，暂不提供", "legalBasis",
                "《中华人民共和国个人信息保护法》第十三条");

        assertThat(otherProvider.post(CONSOLE + "/" + id + "/refuse", refusal).status())
                .as("another department does not even see it").isEqualTo(404);
        assertThat(otherProvider.get(CONSOLE).json().toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(reviewer.get(CONSOLE + "/" + id).status()).as("the authority looks on").isEqualTo(200);
        assertThat(reviewer.post(CONSOLE + "/" + id + "/refuse", refusal).status()).as("but does not decide")
                .isEqualTo(403);
        assertThat(police.api().post(CONSOLE + "/" + id + "/refuse", refusal).status())
                .as("a catalog editor of the department is not its data provider").isEqualTo(403);

        Api.Response noBasis = provider.post(CONSOLE + "/" + id + "/refuse", Map.of("reasons", "暂不提供"));
        assertThat(noBasis.status()).isEqualTo(400);
        assertThat(noBasis.code()).isEqualTo("OPEN_APPLICATION_INVALID");
        assertThat(noBasis.text("detail")).contains("法律依据");
        Api.Response noReasons = provider.post(CONSOLE + "/" + id + "/refuse", Map.of("legalBasis", "第十三条"));
        assertThat(noReasons.code()).isEqualTo("OPEN_APPLICATION_INVALID");
        assertThat(noReasons.text("detail")).contains("理由");
        assertThat(noticeKinds(holder)).as("no decision, no notice").isEmpty();

        Api.Response refused = provider.post(CONSOLE + "/" + id + "/refuse", refusal);
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.text("status")).isEqualTo("REFUSED");
        JsonNode mine = holder.api().get(MINE + "/" + id).json();
        assertThat(mine.get("refusalReasons").asString()).isEqualTo("涉及民警个人信息，暂不提供");
        assertThat(mine.get("legalBasis").asString()).contains("第十三条");
        assertThat(mine.get("grants").asBoolean()).isFalse();
        assertThat(noticeKinds(holder)).containsExactly("APPLICATION_REFUSED");
        assertThat(holder.api().get(NOTICES).json().get(0).get("text").asString()).contains("未获同意");
        Api.Response again = provider.post(CONSOLE + "/" + id + "/approve", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("OPEN_APPLICATION_STATE");

        long second = applied(holder);
        assertThat(provider.get(CONSOLE + "?overdue=true").json().toString()).doesNotContain("\"id\":" + second + ",");
        jdbc.sql("update open_application set due_on = ? where id = ?").params(today().minusDays(7), second).update();
        assertThat(provider.get(CONSOLE + "?overdue=true").json().get(0).get("id").asLong()).as("late")
                .isEqualTo(second);
        JsonNode due = null;
        for (JsonNode item : provider.get("/api/v1/workbench").json().get("items")) {
            if (item.get("link").asString().equals("/open/applications/" + second)) {
                due = item;
            }
        }
        assertThat(due).as("on the department's workbench").isNotNull();
        assertThat(due.get("overdue").asBoolean()).isTrue();
        assertThat(due.get("workingDaysLeft").asInt()).isNegative();
        assertThat(provider.post(CONSOLE + "/" + second + "/approve", Map.of("items", List.of("officer"))).code())
                .as("an item not applied for").isEqualTo("OPEN_APPLICATION_INVALID");
        assertThat(provider.post(CONSOLE + "/" + second + "/approve", Map.of("accessUntil",
                today().plusDays(300).toString())).code()).as("beyond the period applied for")
                .isEqualTo("OPEN_APPLICATION_INVALID");
        assertThat(holder.api().post(MINE, application(conditional.name())).code()).as("one waiting at a time")
                .isEqualTo("OPEN_APPLICATION_NOT_ALLOWED");
    }

    @Test
    void badApplicationsAndKeysGetProblems() {
        Holder holder = newCitizen("钱输入");
        Opened unconditional = openedOffices(2);
        Map<String, Api.Response> answers = new java.util.LinkedHashMap<>();
        Map<String, Object> noUse = application(conditional.name());
        noUse.remove("use");
        answers.put("no use", holder.api().post(MINE, noUse));
        Map<String, Object> unknownUse = application(conditional.name());
        unknownUse.put("use", "RESALE");
        answers.put("unknown use", holder.api().post(MINE, unknownUse));
        Map<String, Object> noPurpose = application(conditional.name());
        noPurpose.put("purpose", "  ");
        answers.put("blank purpose", holder.api().post(MINE, noPurpose));
        Map<String, Object> past = application(conditional.name());
        past.put("until", today().minusDays(1).toString());
        answers.put("period over", holder.api().post(MINE, past));
        Map<String, Object> badDate = application(conditional.name());
        badDate.put("until", "明年");
        answers.put("not a date", holder.api().post(MINE, badDate));
        Map<String, Object> unknownItem = application(conditional.name());
        unknownItem.put("items", List.of("office_no", "salary"));
        answers.put("unknown item", holder.api().post(MINE, unknownItem));
        Map<String, Object> notAccepted = application(conditional.name());
        notAccepted.put("agreementAccepted", false);
        answers.put("agreement not accepted", holder.api().post(MINE, notAccepted));
        answers.put("malformed", holder.api().send("POST", MINE, "{\"use\":", "Content-Type", "application/json"));
        answers.put("key without name", holder.api().post(KEYS, Map.of("dailyQuota", 10)));
        answers.put("key quota 0", holder.api().post(KEYS, Map.of("name", "k", "dailyQuota", 0)));
        answers.put("key quota too high", holder.api().post(KEYS, Map.of("name", "k", "dailyQuota", 1_000_000)));
        for (Map.Entry<String, Api.Response> answer : answers.entrySet()) {
            assertThat(answer.getValue().status()).as(answer.getKey() + ": " + answer.getValue().body()).isEqualTo(400);
            assertThat(answer.getValue().contentType()).as(answer.getKey()).startsWith("application/problem+json");
            assertThat(answer.getValue().code()).as(answer.getKey()).isNotNull();
        }
        assertThat(answers.get("unknown item").text("detail")).contains("salary");

        Api.Response open = holder.api().post(MINE, application(unconditional.packageId()));
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.code()).isEqualTo("OPEN_APPLICATION_NOT_ALLOWED");
        assertThat(holder.api().post(MINE, application("no-such-dataset")).status()).isEqualTo(404);
        assertThat(holder.api().get(MINE + "/999999999").status()).isEqualTo(404);
        assertThat(provider.post(MINE, application(conditional.name())).status()).as("an official").isEqualTo(403);
        assertThat(anonymous.post(MINE, application(conditional.name())).status()).as("anyone").isEqualTo(401);
        assertThat(holder.api().get(CONSOLE).status()).as("a public token in the console").isEqualTo(403);
        for (int i = 0; i < 5; i++) {
            newKey(holder, Map.of("name", "密钥" + i));
        }
        Api.Response sixth = holder.api().post(KEYS, Map.of("name", "第六个"));
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.code()).isEqualTo("API_KEY_LIMIT");
    }
}

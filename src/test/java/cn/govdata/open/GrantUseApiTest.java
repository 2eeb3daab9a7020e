package cn.govdata.open;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * What follows an open grant, through HTTP under the Aba profile (data open on application): the holder's usage
 * reports per quarter of the grant (OPN-6) — the figures the platform counted under the grant, a period reported
 * once it has ended, an overdue one on the workbenches of the authority and of the department.
 */
@TestPropertySource(properties = "govdata.policy=aba")
class GrantUseApiTest extends PublicFixtures {

    /** A context of its own needs a data directory of its own (the catalog's search index is locked per directory). */
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-open-grant-use-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    private static final String MINE = "/api/v1/public/account/applications";
    private static final String CONSOLE = "/api/v1/open/applications";

    @Autowired
    JdbcClient jdbc;

    private Opened conditional;

    @BeforeEach
    void setUp() {
        setUpOpenData();
        Map<String, Object> content = policeOffices();
        content.put("openType", "CONDITIONAL_OPEN");
        content.put("openCondition", "仅向承担警务研究课题的单位提供");
        List<String> personal = new ArrayList<>();
        conditional = open(publishedWithRecords(content, officesCsv(3, personal)), officeRules(), personal);
    }

    private static LocalDate today() {
        return LocalDate.now(WorkingDayCalendar.ZONE);
    }

    /** A holder with an approved application for the conditional dataset; the application's id. */
    private long granted(Holder holder) {
        Map<String, Object> body = new HashMap<>();
        body.put("dataset", conditional.name());
        body.put("use", "COMMERCIAL");
        body.put("purpose", "社区服务应用开发");
        body.put("scenario", "在应用中展示各区县警务室");
        body.put("securityMeasures", "数据加密存储，专人管理");
        body.put("until", today().plusDays(300).toString());
        body.put("agreementAccepted", true);
        Api.Response applied = holder.api().post(MINE, body);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        Api.Response approved = provider.post(CONSOLE + "/" + applied.id() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return applied.id();
    }

    private String key(Holder holder) {
        Api.Response created = holder.api().post("/api/v1/public/account/keys", Map.of("name", "应用后台"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("secret");
    }

    private void read(String key) {
        Api.Response read = anonymous.send("GET", "/api/3/action/datastore_search?resource_id="
                + conditional.resourceId(), null, "Authorization", key);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }

    private void download(String key) {
        Api.Response dump = anonymous.send("GET", "/datastore/dump/" + conditional.resourceId(), null,
                "Authorization", key);
        assertThat(dump.status()).as(dump.body()).isEqualTo(200);
    }

    @Test
    void aGranteeReportsEachEndedQuarterWithTheUsesCountedAndAnOverdueReportReachesTheWorkbenches() {
        Holder holder = newCitizen("孙开发");
        Holder other = newCitizen("周旁人");
        long id = granted(holder);
        String key = key(holder);
        read(key);
        read(key);
        download(key);
        anonymous.get("/api/3/action/datastore_search?resource_id=" + conditional.resourceId());  // refused: no key

        JsonNode periods = holder.api().get(MINE + "/" + id + "/reports").json();
        JsonNode current = periods.get(0);
        assertThat(current.get("start").asString()).isEqualTo(today().toString());
        assertThat(current.get("state").asString()).isEqualTo("CURRENT");
        assertThat(current.get("stateLabel").get("zh").asString()).isEqualTo("进行中");
        assertThat(current.get("figures").get("apiCalls").asLong()).as("reads under the grant").isEqualTo(2);
        assertThat(current.get("figures").get("downloads").asLong()).isEqualTo(1);
        LocalDate end = LocalDate.parse(current.get("end").asString());
        assertThat(end.getMonthValue() % 3).as("a period ends with its quarter").isZero();
        assertThat(current.get("dueOn").asString()).isEqualTo(end.plusDays(15).toString());
        assertThat(periods.get(periods.size() - 1).get("end").asString()).isEqualTo(today().plusDays(300).toString());
        assertThat(periods.get(1).get("state").asString()).isEqualTo("UPCOMING");
        assertThat(holder.api().post(MINE + "/" + id + "/reports", Map.of("periodStart", today().toString(),
                "report", "本季度用于应用开发测试。")).code()).as("the period has not ended").isEqualTo("CONFLICT");
        assertThat(other.api().get(MINE + "/" + id + "/reports").status()).as("another account's").isEqualTo(404);
        assertThat(other.api().post(MINE + "/" + id + "/reports", Map.of("periodStart", today().toString(),
                "report", "冒名")).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'open.data.read' and grant_id = ?")
                .param("open-application/" + id).query(Long.class).single()).as("reads name their grant")
                .isEqualTo(2);

        // The grant was approved 250 days ago: its first quarters have ended, the oldest reports are overdue.
        jdbc.sql("update open_application set decided_at = decided_at - interval '250' day where id = ?").param(id)
                .update();
        periods = holder.api().get(MINE + "/" + id + "/reports").json();
        JsonNode first = periods.get(0);
        assertThat(first.get("start").asString()).isEqualTo(today().minusDays(250).toString());
        assertThat(first.get("state").asString()).isEqualTo("OVERDUE");
        assertThat(first.get("figures").get("apiCalls").asLong()).as("no use then").isZero();
        assertThat(Api.texts(periods, "state")).contains("CURRENT");

        JsonNode workbench = reviewer.get("/api/v1/workbench").json().get("items");
        assertThat(workbench.toString()).as("the authority's workbench").contains("open.usage_report.overdue",
                "/open/applications/" + id);
        assertThat(provider.get("/api/v1/workbench").json().get("items").toString()).as("the department's")
                .contains("open.usage_report.overdue");
        JsonNode overdue = provider.get(CONSOLE + "/overdue-reports").json();
        assertThat(overdue.toString()).contains("\"applicationId\":" + id);
        assertThat(provider.get(CONSOLE + "/" + id + "/reports").json().get(0).get("state").asString())
                .isEqualTo("OVERDUE");
        assertThat(holder.api().get(CONSOLE + "/overdue-reports").status()).as("not for the public").isEqualTo(403);

        String start = first.get("start").asString();
        assertThat(holder.api().post(MINE + "/" + id + "/reports", Map.of("periodStart", start, "report", " "))
                .code()).isEqualTo("FIELD_REQUIRED");
        assertThat(holder.api().post(MINE + "/" + id + "/reports", Map.of("periodStart", "2001-01-01", "report",
                "无此期")).code()).isEqualTo("INVALID_VALUE");
        assertThat(holder.api().post(MINE + "/" + id + "/reports", Map.of("periodStart", "yesterday", "report",
                "格式错误")).status()).isEqualTo(400);
        Api.Response reported = holder.api().post(MINE + "/" + id + "/reports", Map.of("periodStart", start,
                "report", "本期完成应用原型，调用接口用于功能测试，未向第三方提供数据。"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(reported.text("state")).isEqualTo("REPORTED");
        assertThat(holder.api().post(MINE + "/" + id + "/reports", Map.of("periodStart", start, "report", "再报"))
                .code()).as("once").isEqualTo("CONFLICT");
        JsonNode seen = provider.get(CONSOLE + "/" + id + "/reports").json().get(0);
        assertThat(seen.get("report").asString()).startsWith("本期完成应用原型");
        assertThat(seen.get("state").asString()).isEqualTo("REPORTED");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'open.application.report' and object_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }
}

package cn.govdata.open;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * What follows an open grant, through HTTP under the Aba profile (data open on application): the holder's usage
 * reports per quarter of the grant (OPN-6) — the figures the platform counted under the grant, a period reported
 * once it has ended, an overdue one on the workbenches of the authority and of the department; and revenue from the
 * authorised development of a product built on two departments' data (OPN-8), shared by the uses under each one's
 * grant, to the fen.
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
    private static final String REVENUES = "/api/v1/open/revenues";

    @Autowired
    JdbcClient jdbc;

    private Opened conditional;

    @BeforeEach
    void setUp() {
        setUpOpenData();
        conditional = openedOnApplication(new ArrayList<>());
    }

    /** A holder with an approved application for the conditional dataset; the application's id. */
    private long granted(Holder holder) {
        return granted(holder, conditional, provider);
    }

    private long granted(Holder holder, Opened dataset, Api decider) {
        Map<String, Object> body = new HashMap<>();
        body.put("dataset", dataset.name());
        body.put("use", "COMMERCIAL");
        body.put("purpose", "社区服务应用开发");
        body.put("scenario", "在应用中展示各区县警务室");
        body.put("securityMeasures", "数据加密存储，专人管理");
        body.put("until", today().plusDays(300).toString());
        body.put("agreementAccepted", true);
        Api.Response applied = holder.api().post(MINE, body);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        Api.Response approved = decider.post(CONSOLE + "/" + applied.id() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return applied.id();
    }

    private String key(Holder holder) {
        Api.Response created = holder.api().post("/api/v1/public/account/keys", Map.of("name", "应用后台"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("secret");
    }

    private void read(String key) {
        read(key, conditional);
    }

    private void read(String key, Opened dataset) {
        Api.Response read = anonymous.send("GET", "/api/3/action/datastore_search?resource_id="
                + dataset.resourceId(), null, "Authorization", key);
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

    @Test
    void revenueIsSharedBetweenTheProvidingDepartmentsByTheUsesUnderTheirGrantsToTheFen() {
        Editor transport = newEditor("交通运输局");
        Api transportProvider = newUser(admin, transport.department().id(), Role.DATA_PROVIDER).api();
        Map<String, Object> content = policeOffices();
        content.put("openType", "CONDITIONAL_OPEN");
        content.put("openCondition", "仅向签订授权协议的单位提供");
        long entryId = published(transport, content).id();
        Api.Response lake = transportProvider.post("/api/v1/lake/datasets", Map.of("entryId", entryId));
        assertThat(lake.status()).as(lake.body()).isEqualTo(201);
        Api.Response batch = transportProvider.upload("/api/v1/lake/datasets/" + lake.id() + "/batches?wait=true",
                "file", "data.csv", "text/csv", officesCsv(4, new ArrayList<>()).getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
        Api.Response openedThere = transportProvider.post("/api/v1/open/datasets", openRequest(entryId, officeRules()));
        assertThat(openedThere.status()).as(openedThere.body()).isEqualTo(201);
        String name = openedThere.text("packageName");
        Opened transportData = new Opened(entryId, openedThere.id(), openedThere.text("packageId"), name,
                ckan("package_show?id=" + name).get("resources").get(0).get("id").asString(), null, List.of());

        Holder company = newCitizen("钱开发");
        long policeGrant = granted(company, conditional, provider);
        long transportGrant = granted(company, transportData, transportProvider);
        String key = key(company);
        read(key);
        read(key);
        download(key);
        read(key, transportData);

        Map<String, Object> revenue = new HashMap<>();
        revenue.put("grants", List.of(policeGrant, transportGrant));
        revenue.put("amount", "100.01");
        revenue.put("periodStart", today().minusDays(30).toString());
        revenue.put("periodEnd", today().toString());
        revenue.put("source", "警务室查找应用的会员收入");
        assertThat(provider.post(REVENUES, revenue).status()).as("only the authority records").isEqualTo(403);
        Api.Response recorded = reviewer.post(REVENUES, revenue);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.text("amount")).isEqualTo("100.01");
        JsonNode shares = recorded.json().get("shares");
        assertThat(shares.size()).isEqualTo(2);
        Map<String, String> byDepartment = new HashMap<>();
        Map<String, Long> contributions = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode share : shares) {
            byDepartment.put(share.get("departmentName").asString(), share.get("amount").asString());
            contributions.put(share.get("departmentName").asString(), share.get("contribution").asLong());
            sum = sum.add(new BigDecimal(share.get("amount").asString()));
        }
        assertThat(sum).as("the shares sum to the revenue exactly").isEqualByComparingTo("100.01");
        assertThat(contributions).containsEntry(police.department().name(), 3L)
                .containsEntry(transport.department().name(), 1L);
        assertThat(byDepartment).as("3 : 1, the fen left over to the larger rounding loss")
                .containsEntry(police.department().name(), "75.01")
                .containsEntry(transport.department().name(), "25.00");
        long id = recorded.id();
        assertThat(provider.get(REVENUES + "/" + id).json().get("shares").size()).as("a department with a share")
                .isEqualTo(2);
        assertThat(Api.texts(reviewer.get(REVENUES).json(), "id")).contains(String.valueOf(id));

        Api.Download csv = reviewer.download(REVENUES + "/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()[0] & 0xFF).as("UTF-8 with BOM").isEqualTo(0xEF);
        assertThat(csv.text()).contains("分配金额（元）", police.department().name() + ",3,75.01",
                transport.department().name() + ",1,25.00", "警务室查找应用的会员收入");
        Api.Download xlsx = reviewer.download(REVENUES + "/export?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).as("a zip: xlsx").isEqualTo("PK");
        assertThat(reviewer.get(REVENUES + "/export?format=pdf").code()).isEqualTo("INVALID_VALUE");

        Map<String, Object> bad = new HashMap<>(revenue);
        bad.put("amount", "12.345");
        assertThat(reviewer.post(REVENUES, bad).code()).as("fen at most").isEqualTo("INVALID_VALUE");
        bad.put("amount", "-5");
        assertThat(reviewer.post(REVENUES, bad).code()).isEqualTo("INVALID_VALUE");
        bad.put("amount", "abc");
        assertThat(reviewer.post(REVENUES, bad).status()).isEqualTo(400);
        bad.put("amount", "10");
        bad.put("grants", List.of(999_999_999L));
        assertThat(reviewer.post(REVENUES, bad).status()).isEqualTo(404);
        Holder other = newCitizen("吴他人");
        bad.put("grants", List.of(policeGrant, granted(other, transportData, transportProvider)));
        assertThat(reviewer.post(REVENUES, bad).code()).as("one grantee's product").isEqualTo("INVALID_VALUE");
        bad.put("grants", List.of(policeGrant));
        bad.put("periodEnd", today().plusDays(1).toString());
        assertThat(reviewer.post(REVENUES, bad).code()).isEqualTo("INVALID_VALUE");
        bad.put("periodEnd", today().toString());
        bad.put("source", " ");
        assertThat(reviewer.post(REVENUES, bad).code()).isEqualTo("FIELD_REQUIRED");
        assertThat(reviewer.send("POST", REVENUES, "{\"amount\":", "Content-Type", "application/json").status())
                .isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'open.revenue.record' and object_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * SHR-6 for open data: a grantee's download is recorded and marked, and a copy of it re-sorted and cut to one
     * column — as CSV or as the JSON dump — is traced to the approved application, the holder and the time; a
     * download open to anyone is not recorded (it would identify no one).
     */
    @Test
    void aGranteesDownloadIsMarkedSoThatALeakedCopyIsTracedToTheApplication() throws Exception {
        Map<String, Object> content = policeOffices();
        content.put("openType", "CONDITIONAL_OPEN");
        content.put("openCondition", "仅向承担警务研究课题的单位提供");
        List<String> personal = new ArrayList<>();
        Opened offices = open(publishedWithRecords(content, officesCsv(40, personal)), officeRules(), personal);
        Holder holder = newCitizen("钱溯源");
        long application = granted(holder, offices, provider);
        String key = key(holder);
        Api security = newUser(admin, authorityDepartmentId(admin), Role.SECURITY_ADMIN).api();
        long exportsBefore = jdbc.sql("select count(*) from security_trace_export").query(Long.class).single();

        Api.Response csv = anonymous.send("GET", "/datastore/dump/" + offices.resourceId(), null, "Authorization", key);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(java.text.Normalizer.normalize(csv.body(), java.text.Normalizer.Form.NFKC))
                .as("the values mean what they meant").contains("芝罘区第12警务室");
        List<String> names = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(new java.io.StringReader(csv.body().replace("\uFEFF", "")))) {
            parser.forEach(row -> names.add(row.get("office_name")));
        }
        java.util.Collections.shuffle(names, new java.util.Random(5));
        Api.Response traced = security.upload("/api/v1/security/trace", "file", "流出.csv", "text/csv",
                ("警务室\n" + String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(traced.status()).as(traced.body()).isEqualTo(200);
        assertThat(traced.text("grantKind")).isEqualTo("OPEN");
        assertThat(traced.json().get("grantId").asLong()).isEqualTo(application);
        assertThat(traced.text("consumer")).isEqualTo("钱溯源");
        assertThat(traced.json().get("confidence").asDouble()).isGreaterThanOrEqualTo(0.999);

        Api.Response json = anonymous.send("GET", "/datastore/dump/" + offices.resourceId() + "?format=json", null,
                "Authorization", key);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        Api.Response tracedJson = security.upload("/api/v1/security/trace", "file", "流出.json", "application/json",
                json.body().getBytes(StandardCharsets.UTF_8));
        assertThat(tracedJson.status()).as(tracedJson.body()).isEqualTo(200);
        assertThat(tracedJson.json().get("grantId").asLong()).isEqualTo(application);
        assertThat(tracedJson.json().get("exportId").asLong()).isNotEqualTo(traced.json().get("exportId").asLong());

        Opened everyone = openedOffices(20);
        assertThat(anonymous.get("/datastore/dump/" + everyone.resourceId()).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from security_trace_export").query(Long.class).single())
                .as("the grantee's two downloads, not the anonymous one").isEqualTo(exportsBefore + 2);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'security.trace'"
                + " and object_type = 'open-application' and object_id = ?").param(String.valueOf(application))
                .query(Long.class).single()).as("both traces audited against the application").isEqualTo(2);
    }
}

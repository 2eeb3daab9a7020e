package cn.govdata.open.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.open.PublicFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Apps and results built on open data (利用成果, OPN-6), through HTTP: a public account holder publishes one citing
 * the dataset it used; nobody sees it until the data authority approves it; then the portal lists it (all, and on
 * the dataset's page) with the citation, and the home counts it; an edit sends it back to moderation; another
 * account can neither read, edit nor delete it; a rejection needs a reason; bad input gets problems; no answer
 * holds a personal value of the dataset.
 */
class ReuseApiTest extends PublicFixtures {

    private static final String MINE = "/api/v1/public/account/reuses";
    private static final String PUBLIC = "/api/v1/public/reuses";
    private static final String CONSOLE = "/api/v1/open/reuses";

    @Autowired
    JdbcClient jdbc;

    private Opened offices;

    @BeforeEach
    void setUp() {
        setUpOpenData();
        offices = openedOffices(12);
    }

    private Map<String, Object> reuse(String name, String dataset) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", "按区县查找最近的社区警务室，一键拨打社区民警电话。<script>alert(1)</script>");
        body.put("kind", "APPLICATION");
        body.put("link", "https://example.com/police-finder");
        body.put("datasets", List.of(Map.of("dataset", dataset, "obtainedOn", today().minusDays(1).toString())));
        return body;
    }

    private List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    @Test
    void anAppIsInvisibleUntilApprovedThenListedWithItsCitationAndAnEditSendsItBack() {
        Holder holder = newCitizen("王开发");
        Holder other = newCitizen("李旁人");
        Api.Response published = holder.api().post(MINE, reuse("警务室查找" + unique(), offices.name()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long id = published.id();
        assertThat(published.text("status")).isEqualTo("SUBMITTED");
        assertThat(published.json().get("statusLabel").get("zh").asString()).isEqualTo("待审核");

        assertThat(ids(anonymous.get(PUBLIC + "?limit=100").json())).doesNotContain(id);
        assertThat(ids(anonymous.get(PUBLIC + "?dataset=" + offices.packageId()).json())).doesNotContain(id);
        assertThat(anonymous.get(PUBLIC + "/" + id).status()).as("not approved yet").isEqualTo(404);
        assertThat(ids(holder.api().get(MINE).json())).containsExactly(id);

        assertThat(other.api().get(MINE + "/" + id).status()).as("another account's").isEqualTo(404);
        assertThat(other.api().put(MINE + "/" + id, reuse("冒名修改", offices.name())).status()).isEqualTo(404);
        assertThat(other.api().delete(MINE + "/" + id).status()).isEqualTo(404);
        assertThat(ids(other.api().get(MINE).json())).doesNotContain(id);
        assertThat(holder.api().get(MINE + "/" + id).text("name")).as("unchanged").startsWith("警务室查找");

        assertThat(provider.post(CONSOLE + "/" + id + "/approve", Map.of()).status())
                .as("a department does not moderate").isEqualTo(404);
        assertThat(holder.api().post(CONSOLE + "/" + id + "/approve", Map.of()).status()).isIn(403, 404);
        assertThat(ids(reviewer.get(CONSOLE + "?status=SUBMITTED").json())).contains(id);
        long before = approvedCount();
        Api.Response approved = reviewer.post(CONSOLE + "/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(reviewer.post(CONSOLE + "/" + id + "/approve", Map.of()).code()).as("decided once")
                .isEqualTo("CONFLICT");

        JsonNode shown = anonymous.get(PUBLIC + "/" + id).json();
        assertThat(shown.get("link").asString()).isEqualTo("https://example.com/police-finder");
        assertThat(approved.text("decidedBy")).as("the authority sees who moderated").isNotBlank();
        assertThat(shown.has("decidedBy") && !shown.get("decidedBy").isNull())
                .as("the moderator is not shown to the public").isFalse();
        assertThat(shown.get("publisherKind").asString()).isEqualTo("CITIZEN");
        assertThat(shown.has("publisher") && !shown.get("publisher").isNull())
                .as("a citizen's name is personal: not shown").isFalse();
        assertThat(shown.toString()).doesNotContain("王开发");
        JsonNode used = shown.get("datasets").get(0);
        assertThat(used.get("packageId").asString()).isEqualTo(offices.packageId());
        assertThat(used.get("citation").asString()).isEqualTo("来源：" + police.department().name() + "，"
                + ckan("status_show").get("site_title").asString() + "，获取日期 " + today().minusDays(1));
        assertThat(ids(anonymous.get(PUBLIC + "?limit=100").json())).contains(id);
        assertThat(ids(anonymous.get(PUBLIC + "?dataset=" + offices.name()).json())).containsExactly(id);
        assertThat(approvedCount()).isEqualTo(before + 1);
        assertThat(homeAppsReaches(before + 1)).as("the home's app count is the table's").isTrue();

        Api.Response edited = holder.api().put(MINE + "/" + id, reuse("警务室查找（新版）", offices.packageId()));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.text("status")).as("an edit is moderated again").isEqualTo("SUBMITTED");
        assertThat(anonymous.get(PUBLIC + "/" + id).status()).isEqualTo(404);
        assertThat(ids(anonymous.get(PUBLIC + "?dataset=" + offices.name()).json())).doesNotContain(id);

        assertThat(reviewer.post(CONSOLE + "/" + id + "/reject", Map.of("reason", " ")).code())
                .as("a rejection states its reason").isEqualTo("FIELD_REQUIRED");
        Api.Response rejected = reviewer.post(CONSOLE + "/" + id + "/reject", Map.of("reason", "链接无法访问"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        JsonNode mine = holder.api().get(MINE + "/" + id).json();
        assertThat(mine.get("status").asString()).isEqualTo("REJECTED");
        assertThat(mine.get("rejectionReason").asString()).isEqualTo("链接无法访问");
        assertThat(anonymous.get(PUBLIC + "/" + id).status()).isEqualTo(404);

        assertThat(holder.api().delete(MINE + "/" + id).status()).isEqualTo(204);
        assertThat(holder.api().get(MINE + "/" + id).status()).isEqualTo(404);
        assertThat(auditActions(id)).contains("open.reuse.submit", "open.reuse.approve", "open.reuse.edit",
                "open.reuse.reject", "open.reuse.delete");
    }

    @Test
    void badInputGetsProblemsAndNoAnswerHoldsAPersonalValue() {
        Holder holder = newCitizen("赵测试");
        Map<String, Object> script = reuse("坏链接", offices.name());
        script.put("link", "javascript:alert(1)");
        assertProblem(holder.api().post(MINE, script), 400, "INVALID_VALUE");
        Map<String, Object> noName = reuse(" ", offices.name());
        assertProblem(holder.api().post(MINE, noName), 400, "FIELD_REQUIRED");
        Map<String, Object> none = reuse("无数据集", offices.name());
        none.put("datasets", List.of());
        assertProblem(holder.api().post(MINE, none), 400, "FIELD_REQUIRED");
        Map<String, Object> future = reuse("未来", offices.name());
        future.put("datasets", List.of(Map.of("dataset", offices.name(), "obtainedOn", today().plusDays(3).toString())));
        assertProblem(holder.api().post(MINE, future), 400, "INVALID_VALUE");
        Map<String, Object> kind = reuse("类型", offices.name());
        kind.put("kind", "ROCKET");
        assertThat(holder.api().post(MINE, kind).status()).isEqualTo(400);
        assertProblem(holder.api().post(MINE, reuse("无此数据", "no-such-dataset")), 404, "NOT_FOUND");
        assertThat(holder.api().send("POST", MINE, "{\"name\":", "Content-Type", "application/json").status())
                .isEqualTo(400);
        assertThat(anonymous.post(MINE, reuse("匿名", offices.name())).status()).isIn(401, 403);
        assertProblem(anonymous.get(PUBLIC + "?dataset=no-such-dataset"), 404, "NOT_FOUND");
        assertThat(anonymous.get(PUBLIC + "?limit=1000").status()).isEqualTo(400);
        assertThat(anonymous.get(PUBLIC + "/abc").status()).isEqualTo(400);
        assertThat(reviewer.get(CONSOLE + "?status=SOMETHING").status()).isEqualTo(400);

        Api.Response published = holder.api().post(MINE, reuse("警务室地图", offices.name()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        reviewer.post(CONSOLE + "/" + published.id() + "/approve", Map.of());
        List<String> answers = List.of(published.body(), anonymous.get(PUBLIC + "/" + published.id()).body(),
                anonymous.get(PUBLIC + "?dataset=" + offices.name()).body(), reviewer.get(CONSOLE).body());
        for (String answer : answers) {
            assertThat(answer).contains("警务室地图");
            for (String value : offices.personalValues()) {
                assertThat(answer).as("a value as stored in an answer").doesNotContain(value);
            }
        }
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    private long approvedCount() {
        return jdbc.sql("select count(*) from open_reuse where status = 'APPROVED'").query(Long.class).single();
    }

    /** The home's figures are kept for ten seconds: waits for them to count what the table holds. */
    private boolean homeAppsReaches(long apps) {
        for (int i = 0; i < 30; i++) {
            if (anonymous.get("/api/v1/open/stats").json().get("apps").asLong() == apps) {
                return true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private List<String> auditActions(long id) {
        return jdbc.sql("select action from audit_entry where object_type = 'open-reuse' and object_id = ?")
                .param(String.valueOf(id)).query(String.class).list();
    }
}

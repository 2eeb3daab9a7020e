package cn.govdata.open.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.open.DatasetOpened;
import cn.govdata.open.PublicFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Open-data demand requests (FZ18) under the Fuzhou profile: 15 days to answer, 10 to review an objection. A
 * request is routed, answered, objected to and reviewed through the HTTP API; answered requests are public without
 * the requester; a linked entry's opening fulfils the request and tells the requester.
 */
@TestPropertySource(properties = "govdata.policy=fuzhou")
class DemandApiTest extends PublicFixtures {

    /** A context of its own needs a data directory of its own (the catalog's search index is locked per directory). */
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-demands-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    private static final String PUBLIC = "/api/v1/public/demands";
    private static final String MINE = "/api/v1/public/account/demands";
    private static final String CONSOLE = "/api/v1/open/demands";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    private Api otherProvider;

    @BeforeEach
    void setUp() {
        setUpOpenData();
        otherProvider = newUser(admin, newDepartment(admin, "民政局").id(), Role.DATA_PROVIDER).api();
    }

    private Api.Response submit(Holder holder, Long departmentId, Long entryId, String subject) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "OPEN", "subject", subject, "description",
                "按街道统计的常住人口，联系电话 13812345678", "reason", "城市研究"));
        if (departmentId != null) {
            body.put("departmentId", departmentId);
        }
        if (entryId != null) {
            body.put("entryId", entryId);
        }
        Api.Response submitted = holder.api().post(MINE, body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted;
    }

    private static List<String> types(JsonNode timeline) {
        return Api.texts(timeline, "type");
    }

    private List<String> notices(Holder holder) {
        return Api.texts(holder.api().get("/api/v1/public/account/notices").json(), "kind");
    }

    @Test
    void theDepartmentAnswersTheRequesterObjectsOnceAndTheAuthorityDecides() {
        long entryId = published(police, content("常住人口统计" + unique())).id();
        Holder citizen = newCitizen("张三");
        String subject = "<img src=x onerror=alert(1)>常住人口";
        Api.Response submitted = submit(citizen, police.department().id(), null, subject);
        long id = submitted.id();
        assertThat(submitted.text("status")).isEqualTo("AWAITING_REPLY");
        assertThat(submitted.text("replyDueOn")).as("FZ18: 15 days").isEqualTo(today().plusDays(15).toString());
        assertThat(submitted.text("subject")).as("stored and returned as data").isEqualTo(subject);

        assertThat(otherProvider.get(CONSOLE + "/" + id).status()).as("another department").isEqualTo(404);
        assertThat(otherProvider.post(CONSOLE + "/" + id + "/answer", Map.of("decision", "WILL_OPEN")).status())
                .isEqualTo(404);
        assertThat(Api.texts(provider.get(CONSOLE).json(), "subject")).contains(subject);
        JsonNode listed = byId(provider.get(CONSOLE).json(), id);
        assertThat(listed.get("requester").get("kind").asString()).isEqualTo("CITIZEN");
        assertThat(listed.get("requester").has("name")).as("a citizen's name is not shown").isFalse();
        assertThat(listed.get("overdue").asBoolean()).isFalse();

        Api.Response noBasis = provider.post(CONSOLE + "/" + id + "/answer", Map.of("decision", "WILL_NOT_OPEN",
                "reasons", "涉及个人信息"));
        assertThat(noBasis.code()).isEqualTo("DEMAND_REPLY_INVALID");
        Api.Response answered = provider.post(CONSOLE + "/" + id + "/answer", Map.of("decision", "WILL_NOT_OPEN",
                "reasons", "涉及个人信息，联系人 13912345678", "legalBasis", "《个人信息保护法》第十三条"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.text("status")).isEqualTo("ANSWERED");
        assertThat(answered.text("objectionOpenUntil")).isEqualTo(today().plusDays(15).toString());
        assertThat(provider.post(CONSOLE + "/" + id + "/answer", Map.of("decision", "WILL_OPEN")).code())
                .as("answered once").isEqualTo("DEMAND_STATE");
        assertThat(notices(citizen)).containsExactly("DEMAND_ANSWERED");
        assertThat(citizen.api().get("/api/v1/public/account/notices").json().get(0).get("text").asString())
                .contains(subject);

        JsonNode shown = byId(anonymous.get(PUBLIC + "?size=100").json().get("items"), id);
        assertThat(shown).as("answered requests are public").isNotNull();
        assertThat(shown.has("requester")).isFalse();
        assertThat(shown.has("objectionReasons")).isFalse();
        assertThat(shown.get("description").asString()).contains("138****5678").doesNotContain("13812345678");
        assertThat(shown.get("decisionReasons").asString()).contains("139****5678");
        assertThat(shown.get("subject").asString()).isEqualTo(subject);
        assertThat(anonymous.get(PUBLIC + "/" + id).text("decision")).isEqualTo("WILL_NOT_OPEN");

        Api.Response objected = citizen.api().post(MINE + "/" + id + "/objection", Map.of("reasons", "统计数据不含个人信息"));
        assertThat(objected.status()).as(objected.body()).isEqualTo(200);
        assertThat(objected.text("status")).isEqualTo("OBJECTED");
        assertThat(objected.text("reviewDueOn")).as("FZ18: 10 days").isEqualTo(today().plusDays(10).toString());
        assertThat(citizen.api().post(MINE + "/" + id + "/objection", Map.of("reasons", "再次")).code())
                .as("once").isEqualTo("DEMAND_OBJECTION_PERIOD_OVER");

        assertThat(provider.post(CONSOLE + "/" + id + "/review", Map.of("outcome", "CONFIRMED", "reasons", "x"))
                .status()).as("the authority reviews").isEqualTo(403);
        assertThat(reviewer.post(CONSOLE + "/" + id + "/review", Map.of("outcome", "REVISED", "reasons", "可脱敏开放"))
                .code()).isEqualTo("DEMAND_REPLY_INVALID");
        Api.Response reviewed = reviewer.post(CONSOLE + "/" + id + "/review", Map.of("outcome", "REVISED", "reasons",
                "统计数据脱敏后可以开放", "decision", "WILL_OPEN", "entryId", entryId));
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.text("status")).isEqualTo("CLOSED");
        assertThat(reviewed.text("decision")).isEqualTo("WILL_OPEN");
        assertThat(reviewed.json().get("entry").get("id").asLong()).isEqualTo(entryId);
        assertThat(types(reviewed.json().get("timeline"))).containsExactly("SUBMITTED", "ANSWERED", "OBJECTED",
                "REVIEWED");
        assertThat(notices(citizen)).containsExactly("DEMAND_REVIEWED", "DEMAND_ANSWERED");

        events.publishEvent(new DatasetOpened(entryId, Instant.now()));
        JsonNode fulfilled = citizen.api().get(MINE + "/" + id).json();
        assertThat(fulfilled.has("fulfilledAt")).isTrue();
        assertThat(types(fulfilled.get("timeline"))).endsWith("FULFILLED");
        assertThat(fulfilled.get("timeline").get(0).has("actor")).as("officials' names are not shown").isFalse();
        assertThat(notices(citizen)).first().isEqualTo("DEMAND_FULFILLED");
        for (String action : List.of("open.demand.submit", "open.demand.answer", "open.demand.object",
                "open.demand.review", "open.demand.fulfil")) {
            assertThat(audited(action, id)).as(action).isTrue();
        }
    }

    @Test
    void aRequestNamingNoDepartmentIsAssignedByTheAuthorityAndReturnedWhenItIsNotTheDepartmentsData() {
        Holder citizen = newCitizen("李四");
        long id = submit(citizen, null, null, "共享单车停放点" + unique()).id();
        assertThat(citizen.api().get(MINE + "/" + id).text("status")).isEqualTo("AWAITING_ASSIGNMENT");
        assertThat(byId(reviewer.get(CONSOLE).json(), id)).as("the authority has it").isNotNull();
        assertThat(byId(provider.get(CONSOLE).json(), id)).isNull();
        assertThat(provider.post(CONSOLE + "/" + id + "/assign", Map.of("departmentId", police.department().id()))
                .status()).isEqualTo(404);

        Api.Response assigned = reviewer.post(CONSOLE + "/" + id + "/assign",
                Map.of("departmentId", police.department().id()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.text("status")).isEqualTo("AWAITING_REPLY");
        assertThat(provider.post(CONSOLE + "/" + id + "/answer", Map.of("decision", "NOT_OUR_DATA")).code())
                .as("with reasons").isEqualTo("DEMAND_REPLY_INVALID");
        Api.Response returned = provider.post(CONSOLE + "/" + id + "/answer", Map.of("decision", "NOT_OUR_DATA",
                "reasons", "由交通部门采集"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.text("status")).isEqualTo("AWAITING_ASSIGNMENT");
        assertThat(provider.get(CONSOLE + "/" + id).status()).isEqualTo(404);
        assertThat(notices(citizen)).as("not an answer yet").isEmpty();

        Api.Response answered = reviewer.post(CONSOLE + "/" + id + "/answer", Map.of("decision", "NOT_OUR_DATA",
                "reasons", "平台上没有部门掌握该数据"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.text("status")).isEqualTo("ANSWERED");
        assertThat(types(answered.json().get("timeline"))).containsExactly("SUBMITTED", "ASSIGNED", "RETURNED",
                "ANSWERED");
        assertThat(audited("open.demand.assign", id)).isTrue();
        assertThat(audited("open.demand.return", id)).isTrue();
    }

    @Test
    void aLateAnswerIsOverdueForTheAuthorityAndAnObjectionAfterItsPeriodIsRefused() {
        Holder citizen = newCitizen("王五");
        long late = submit(citizen, police.department().id(), null, "河道水质监测" + unique()).id();
        long onTime = submit(citizen, police.department().id(), null, "河道水位监测" + unique()).id();
        jdbc.sql("update open_demand set reply_due_on = ? where id = ?").params(today().minusDays(1), late).update();
        JsonNode overdue = reviewer.get(CONSOLE + "?overdue=true").json();
        assertThat(byId(overdue, late).get("overdue").asBoolean()).isTrue();
        assertThat(byId(overdue, onTime)).isNull();
        assertThat(byId(provider.get(CONSOLE + "?overdue=true").json(), late)).isNotNull();
        assertThat(byId(reviewer.get(CONSOLE + "?status=AWAITING_REPLY").json(), onTime)).isNotNull();

        assertThat(provider.post(CONSOLE + "/" + late + "/answer", Map.of("decision", "ALREADY_OPEN")).code())
                .as("names the entry").isEqualTo("DEMAND_REPLY_INVALID");
        long entryId = published(police, content("水质监测" + unique())).id();
        Api.Response answered = provider.post(CONSOLE + "/" + late + "/answer", Map.of("decision", "ALREADY_OPEN",
                "entryId", entryId));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        JsonNode entry = anonymous.get(PUBLIC + "/" + late).json().get("entry");
        assertThat(entry.get("id").asLong()).isEqualTo(entryId);
        assertThat(entry.get("name").asString()).startsWith("水质监测");
        jdbc.sql("update open_demand set objection_open_until = ? where id = ?").params(today().minusDays(1), late)
                .update();
        Api.Response tooLate = citizen.api().post(MINE + "/" + late + "/objection", Map.of("reasons", "数据不全"));
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.code()).isEqualTo("DEMAND_OBJECTION_PERIOD_OVER");
    }

    private boolean audited(String action, long id) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and object_id = ?")
                .params(action, Long.toString(id)).query(Long.class).single() > 0;
    }

    private static JsonNode byId(JsonNode array, long id) {
        for (JsonNode node : array) {
            if (node.get("id").asLong() == id) {
                return node;
            }
        }
        return null;
    }
}

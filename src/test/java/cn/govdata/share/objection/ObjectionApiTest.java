package cn.govdata.share.objection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.share.ShareFixtures;
import cn.govdata.share.application.ShareReminders;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Objections and re-verification (SHR-7) under the Aba profile (AB28: to the provider, 7 working days, one
 * extension of at most 7 with an approver's consent): raised by a department using the data under its grant or by
 * the authority, checked by the provider, corrected in the lake as a new version or confirmed with reasons.
 */
@TestPropertySource(properties = "govdata.policy=aba")
class ObjectionApiTest extends ShareFixtures {

    /** A context of its own needs a data directory of its own (the catalog's search index is locked per directory). */
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-objections-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    private static final String OBJECTIONS = "/api/v1/share/objections";
    private static final String ZHANG = idNumber("19800101", "123");
    private static final String LI = idNumber("19921231", "456");

    @Autowired
    private Objections objections;

    @Autowired
    private ShareReminders reminders;

    private Api policeProvider;
    private Api policeAdmin;
    private long entryId;
    private long datasetId;

    @BeforeEach
    void setUp() {
        setUpShare();
        policeProvider = newUser(admin, police.department().id(), Role.DATA_PROVIDER).api();
        policeAdmin = newUser(admin, police.department().id(), Role.DEPARTMENT_ADMIN).api();
        entryId = entry("CONDITIONAL");
        granted(entryId);
        Api.Response created = policeProvider.post("/api/v1/lake/datasets", Map.of("entryId", entryId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        datasetId = created.id();
        Api.Response pushed = policeProvider.post("/api/v1/lake/datasets/" + datasetId + "/records", Map.of(
                "requestId", "load-" + unique(), "records", List.of(
                        Map.of("gmsfhm", ZHANG, "xm", "张三", "xzqh", "370602", "zz", "芝罘区幸福街1号"),
                        Map.of("gmsfhm", LI, "xm", "李四", "xzqh", "370611", "zz", "福山区清洋街2号"))));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
    }

    /** A valid GB 11643 number of a resident of 芝罘区 (ISO 7064 MOD 11-2 check character). */
    private static String idNumber(String birth, String sequence) {
        String first17 = "370602" + birth + sequence;
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private Map<String, Object> objection(String id, String item, String proposed) {
        Map<String, Object> objection = new LinkedHashMap<>();
        objection.put("entryId", entryId);
        objection.put("keyValues", Map.of("gmsfhm", id));
        objection.put("item", item);
        objection.put("proposedValue", proposed);
        objection.put("description", "申请人户口簿记载的姓名与共享数据不一致");
        return objection;
    }

    private long raised(Api api, String id, String item, String proposed) {
        Api.Response raised = api.post(OBJECTIONS, objection(id, item, proposed));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.id();
    }

    private JsonNode record(String key, String asOf) {
        Api.Response records = policeProvider.get("/api/v1/lake/datasets/" + datasetId + "/records?key=" + key
                + (asOf == null ? "" : "&asOf=" + asOf));
        assertThat(records.status()).as(records.body()).isEqualTo(200);
        assertThat(records.json().get("total").asLong()).isEqualTo(1);
        return records.json().get("records").get(0);
    }

    /**
     * The audit entries of refused raises on the entry, newest first. By the entry's object type: an objection raised
     * may have the entry's id too, and its success is audited under it.
     */
    private JsonNode raiseRefusals() {
        Api.Response found = auditor.get("/api/v1/audit?action=share.objection.raise&objectType=catalog-entry&objectId="
                + entryId + "&size=50");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("items");
    }

    private List<String> failures(String action, long objectionId) {
        return Api.texts(audit(action, objectionId), "outcome");
    }

    @Test
    void aDataUserRaisesTheProviderCorrectsAndTheLakeKeepsBothVersions() {
        Api.Response raised = civilUser.api().post(OBJECTIONS, objection(ZHANG, "xm", "张叁"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        long id = raised.id();
        assertThat(raised.text("status")).isEqualTo("OPEN");
        assertThat(raised.text("stage")).isEqualTo("PROVIDER");
        assertThat(raised.text("raisedAs")).isEqualTo("CONSUMER");
        assertThat(raised.text("recordedValue")).as("as the raiser's grant masks the name").isEqualTo("张*");
        assertThat(policeProvider.get(OBJECTIONS + "/" + raised.id()).text("recordedValue")).as("its own data")
                .isEqualTo("张三");
        assertThat(raised.text("dueOn")).isEqualTo(calendar.dueAfter(Instant.now(), 7).due().toString());
        assertThat(raised.json().get("grantId").isNumber()).isTrue();

        Api.Response evidence = civilUser.api().upload(OBJECTIONS + "/" + id + "/evidence", "file", "户口簿.png",
                "image/png", png());
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
        Api.Response notAFile = civilUser.api().upload(OBJECTIONS + "/" + id + "/evidence", "file", "说明.pdf",
                "application/pdf", "不是PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notAFile.code()).isEqualTo("ATTACHMENT_TYPE_REFUSED");
        Api.Download file = policeProvider.download(OBJECTIONS + "/" + id + "/evidence/" + evidence.id());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(png());

        assertThat(objections.underReview(entryId, List.of(ZHANG, LI))).isEqualTo(Map.of(ZHANG, Set.of("xm")));
        String before = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();

        Api.Response corrected = policeProvider.post(OBJECTIONS + "/" + id + "/correct", Map.of("note", "核对户籍底册后更正"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.text("status")).isEqualTo("CORRECTED");
        assertThat(corrected.text("correctedValue")).isEqualTo("张叁");
        long batchId = corrected.json().get("correctionBatchId").asLong();
        assertThat(types(corrected.json().get("timeline"))).containsExactly("RAISED", "EVIDENCE_ADDED", "CORRECTED");

        JsonNode now = record(ZHANG, null);
        assertThat(now.get("xm").asString()).isEqualTo("张叁");
        assertThat(now.get("zz").asString()).as("the other items stay").isEqualTo("芝罘区幸福街1号");
        assertThat(now.get("_batch").asLong()).isEqualTo(batchId);
        assertThat(record(ZHANG, before).get("xm").asString()).isEqualTo("张三");
        assertThat(record(LI, null).get("xm").asString()).isEqualTo("李四");
        var batch = jdbc.sql("select dataset_id, kind, status from lake_batch where id = ?").param(batchId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
        assertThat(batch).containsExactly(datasetId, "CORRECTION", "APPLIED");
        assertThat(jdbc.sql("select record_count from lake_dataset where id = ?").param(datasetId).query(Long.class)
                .single()).isEqualTo(2);

        assertThat(objections.underReview(entryId, List.of(ZHANG, LI))).as("open ones only").isEmpty();
        assertThat(failures("share.objection.correct", id)).containsExactly("SUCCESS");
        assertThat(Api.texts(audit("share.objection.evidence.read", id), "outcome")).containsExactly("SUCCESS");
        assertThat(byId(civilUser.api().get(OBJECTIONS + "?side=RAISER").json(), id)).isNotNull();
        assertThat(byId(policeProvider.get(OBJECTIONS + "?side=PROVIDER&status=CORRECTED").json(), id)).isNotNull();
        assertThat(byId(authorityApprover.get(OBJECTIONS + "?side=AUTHORITY").json(), id)).isNotNull();
        assertThat(authorityApprover.get(OBJECTIONS + "/" + id).status()).isEqualTo(200);
        assertThat(stranger.get(OBJECTIONS + "/" + id).code()).isEqualTo("NOT_FOUND");
        assertThat(policeProvider.post(OBJECTIONS + "/" + id + "/confirm", Map.of("reasons", "无误")).code())
                .as("decided once").isEqualTo("OBJECTION_STATE");
    }

    @Test
    void theProviderConfirmsTheStoredValueOnlyWithReasons() {
        long id = raised(civilUser.api(), LI, "xzqh", "370602");
        Api.Response noReasons = policeApprover.post(OBJECTIONS + "/" + id + "/confirm", Map.of());
        assertThat(noReasons.status()).isEqualTo(400);
        assertThat(noReasons.code()).isEqualTo("FIELD_REQUIRED");
        Api.Response confirmed = policeApprover.post(OBJECTIONS + "/" + id + "/confirm",
                Map.of("reasons", "经核查户籍档案，该居民户籍登记在福山区，共享数据无误"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.text("decisionNote")).startsWith("经核查户籍档案");
        assertThat(confirmed.json().has("correctionBatchId")).isFalse();
        assertThat(types(civilUser.api().get(OBJECTIONS + "/" + id).json().get("timeline")))
                .containsExactly("RAISED", "CONFIRMED");
        assertThat(record(LI, null).get("xzqh").asString()).isEqualTo("370611");
        assertThat(failures("share.objection.confirm", id)).containsExactly("SUCCESS", "FAILURE");
    }

    @Test
    void aCorrectionThatBreaksTheLakesRulesChangesNothing() {
        long id = raised(civilUser.api(), ZHANG, "xzqh", "999999");
        Api.Response refused = policeProvider.post(OBJECTIONS + "/" + id + "/correct", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("CORRECTION_REFUSED");
        assertThat(locations(refused)).containsExactly("values.xzqh");
        assertThat(civilUser.api().get(OBJECTIONS + "/" + id).text("status")).isEqualTo("OPEN");
        assertThat(record(ZHANG, null).get("xzqh").asString()).isEqualTo("370602");
        assertThat(objections.underReview(entryId, List.of(ZHANG))).containsOnlyKeys(ZHANG);
        Api.Response unchanged = policeProvider.post(OBJECTIONS + "/" + id + "/correct", Map.of("value", "370602"));
        assertThat(unchanged.code()).isEqualTo("CORRECTION_UNCHANGED");
        assertThat(failures("share.objection.correct", id)).containsExactly("FAILURE", "FAILURE");
    }

    @Test
    void theCheckIsExtendedOnceOnlyAndOnlyWithAnApproversConsent() {
        long id = raised(civilUser.api(), ZHANG, "xm", "张叁");
        String due = civilUser.api().get(OBJECTIONS + "/" + id).text("dueOn");
        String path = OBJECTIONS + "/" + id + "/extension";
        assertThat(policeProvider.post(path, Map.of("workingDays", 8, "reason", "需调取纸质档案")).code())
                .isEqualTo("EXTENSION_TOO_LONG");
        assertThat(civilUser.api().post(path, Map.of("workingDays", 5, "reason", "想延期")).status())
                .as("the raiser does not handle it").isEqualTo(403);
        Api.Response asked = policeProvider.post(path, Map.of("workingDays", 5, "reason", "需调取纸质档案"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.text("dueOn")).as("not before consent").isEqualTo(due);
        assertThat(policeProvider.post(path + "/decision", Map.of("consent", true)).status())
                .as("a data provider does not consent").isEqualTo(403);
        assertThat(civilApprover.post(path + "/decision", Map.of("consent", true)).status())
                .as("nor the raising department's approver").isEqualTo(403);

        Api.Response consented = policeAdmin.post(path + "/decision", Map.of("consent", true, "note", "同意延期"));
        assertThat(consented.status()).as(consented.body()).isEqualTo(200);
        String extended = calendar.dueAfter(java.time.LocalDate.parse(due), 5).due().toString();
        assertThat(consented.text("dueOn")).isEqualTo(extended);
        assertThat(consented.json().get("extension").get("decision").asString()).isEqualTo("GRANTED");
        assertThat(authorityApprover.post(path + "/decision", Map.of("consent", true)).code())
                .isEqualTo("ALREADY_DECIDED");
        assertThat(policeProvider.post(path, Map.of("workingDays", 2, "reason", "还需时间")).code())
                .isEqualTo("ALREADY_EXTENDED");
        assertThat(types(consented.json().get("timeline")))
                .containsExactly("RAISED", "EXTENSION_REQUESTED", "EXTENDED");
        assertThat(civilUser.api().get(OBJECTIONS + "/" + id).text("dueOn")).isEqualTo(extended);
    }

    @Test
    void whoAskedForTheExtensionCannotConsentToIt() {
        long id = raised(civilUser.api(), LI, "xm", "李肆");
        String path = OBJECTIONS + "/" + id + "/extension";
        assertThat(policeApprover.post(path + "/decision", Map.of("consent", true)).code())
                .isEqualTo("EXTENSION_NOT_REQUESTED");
        assertThat(policeApprover.post(path, Map.of("workingDays", 3, "reason", "需现场核实")).status()).isEqualTo(200);
        assertThat(policeApprover.post(path + "/decision", Map.of("consent", true)).code()).isEqualTo("SELF_APPROVAL");
        Api.Response refused = authorityApprover.post(path + "/decision", Map.of("consent", false, "note", "期限内可完成"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().get("extension").get("decision").asString()).isEqualTo("REFUSED");
        assertThat(types(refused.json().get("timeline"))).containsExactly("RAISED", "EXTENSION_REQUESTED",
                "EXTENSION_REFUSED");
        assertThat(policeApprover.post(path, Map.of("workingDays", 3, "reason", "再次申请")).code())
                .isEqualTo("ALREADY_EXTENDED");
        assertThat(Api.texts(audit("share.objection.extension.decide", id), "outcome")).containsOnly("FAILURE")
                .hasSize(2);
    }

    // --- reminders and overdue notes ------------------------------------------------------------------------------

    private void dueOn(long id, LocalDate due) {
        jdbc.sql("update share_objection set due_on = ? where id = ?").params(due, id).update();
    }

    private JsonNode timeline(long id) {
        return civilUser.api().get(OBJECTIONS + "/" + id).json().get("timeline");
    }

    private static List<JsonNode> events(JsonNode timeline, String type) {
        List<JsonNode> events = new java.util.ArrayList<>();
        timeline.forEach(event -> {
            if (event.get("type").asString().equals(type)) {
                events.add(event);
            }
        });
        return events;
    }

    @Test
    void theHandlerIsRemindedOnceBeforeTheDueDateAndAnOverdueObjectionIsNotedOnce() {
        // the database is shared with the other tests: what they left due is noted first, so the counts are ours
        reminders.run(today());
        long soon = raised(civilUser.api(), ZHANG, "xm", "张叁");
        long far = raised(civilUser.api(), LI, "xm", "李肆");
        long late = raised(civilUser.api(), LI, "xzqh", "370602");
        long closedSoon = raised(civilUser.api(), ZHANG, "xzqh", "370611");
        long closedLate = raised(authorityApprover, ZHANG, "xm", "章三");
        LocalDate soonDue = calendar.dueAfter(today(), 1).due();
        LocalDate lateDue = today().minusDays(3);
        dueOn(soon, soonDue);
        dueOn(late, lateDue);
        dueOn(closedSoon, soonDue);
        dueOn(closedLate, lateDue);
        assertThat(policeProvider.post(OBJECTIONS + "/" + closedSoon + "/confirm", Map.of("reasons", "户籍档案无误"))
                .status()).isEqualTo(200);
        assertThat(policeProvider.post(OBJECTIONS + "/" + closedLate + "/confirm", Map.of("reasons", "户籍档案无误"))
                .status()).isEqualTo(200);

        assertThat(reminders.run(today())).isEqualTo(new ShareReminders.Report(0, 0, 0, 1, 1));
        assertThat(reminders.run(today())).as("once only").isEqualTo(new ShareReminders.Report(0, 0, 0, 0, 0));

        List<JsonNode> reminder = events(timeline(soon), "REMINDER");
        assertThat(reminder).hasSize(1);
        assertThat(reminder.get(0).get("actor").asString()).isEqualTo("system");
        assertThat(reminder.get(0).get("detail").get("dueOn").asString()).isEqualTo(soonDue.toString());
        assertThat(reminder.get(0).get("detail").get("workingDaysLeft").asInt()).isEqualTo(1);
        assertThat(reminder.get(0).get("detail").get("stage").asString()).isEqualTo("PROVIDER");
        List<JsonNode> overdue = events(timeline(late), "OVERDUE");
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).get("detail").get("dueOn").asString()).isEqualTo(lateDue.toString());
        assertThat(overdue.get(0).get("detail").get("workingDaysLate").asInt())
                .isEqualTo(calendar.workingDaysBetween(lateDue, today()));
        assertThat(types(timeline(late))).as("past its due date: no reminder any more").doesNotContain("REMINDER");
        assertThat(types(timeline(far))).as("seven working days ahead").containsExactly("RAISED");
        assertThat(types(timeline(closedSoon))).as("closed").containsExactly("RAISED", "CONFIRMED");
        assertThat(types(authorityApprover.get(OBJECTIONS + "/" + closedLate).json().get("timeline")))
                .containsExactly("RAISED", "CONFIRMED");

        JsonNode toCheck = policeProvider.get(OBJECTIONS + "?side=PROVIDER&status=OPEN").json();
        assertThat(byId(toCheck, soon).get("dueSoon").asBoolean()).isTrue();
        assertThat(byId(toCheck, soon).get("remindedAt").isString()).isTrue();
        assertThat(byId(toCheck, far).get("dueSoon").asBoolean()).isFalse();
        assertThat(byId(toCheck, far).has("remindedAt")).isFalse();
        assertThat(byId(toCheck, late).get("dueSoon").asBoolean()).as("overdue instead").isFalse();
        assertThat(byId(toCheck, late).get("overdue").asBoolean()).isTrue();
        JsonNode run = auditor.get("/api/v1/audit?action=share.reminders&size=1").json().get("items").get(0);
        assertThat(run.get("actor").asString()).isEqualTo("system");
        assertThat(run.get("detail").asString()).endsWith("objections: 1 reminded, 1 overdue");
    }

    @Test
    void anExtensionMovesTheDueDateAndTheHandlerIsRemindedOfTheNewOne() {
        reminders.run(today());
        long extended = raised(civilUser.api(), ZHANG, "xm", "张叁");
        long refused = raised(civilUser.api(), LI, "xm", "李肆");
        long wasLate = raised(civilUser.api(), LI, "xzqh", "370602");
        LocalDate soonDue = calendar.dueAfter(today(), 1).due();
        LocalDate lateDue = today().minusDays(1);
        dueOn(extended, soonDue);
        dueOn(refused, soonDue);
        dueOn(wasLate, lateDue);
        assertThat(reminders.run(today())).isEqualTo(new ShareReminders.Report(0, 0, 0, 2, 1));

        // one more working day: the new date is still within the window, so the reminder names it at once
        assertThat(policeProvider.post(OBJECTIONS + "/" + extended + "/extension",
                Map.of("workingDays", 1, "reason", "需调取纸质档案")).status()).isEqualTo(200);
        Api.Response consented = policeAdmin.post(OBJECTIONS + "/" + extended + "/extension/decision",
                Map.of("consent", true));
        assertThat(consented.status()).as(consented.body()).isEqualTo(200);
        LocalDate newDue = calendar.dueAfter(soonDue, 1).due();
        assertThat(consented.text("dueOn")).isEqualTo(newDue.toString());
        assertThat(consented.json().has("remindedAt")).as("the mark was for the old date").isFalse();
        // a refusal leaves the due date, and the reminder of it stands
        assertThat(policeProvider.post(OBJECTIONS + "/" + refused + "/extension",
                Map.of("workingDays", 3, "reason", "需现场核实")).status()).isEqualTo(200);
        assertThat(policeAdmin.post(OBJECTIONS + "/" + refused + "/extension/decision", Map.of("consent", false))
                .json().get("remindedAt").isString()).isTrue();
        // past its due date when extended: no longer overdue, and nothing is noted until the new date comes near
        assertThat(policeProvider.post(OBJECTIONS + "/" + wasLate + "/extension",
                Map.of("workingDays", 7, "reason", "需协调户籍地核实")).status()).isEqualTo(200);
        Api.Response lateConsented = authorityApprover.post(OBJECTIONS + "/" + wasLate + "/extension/decision",
                Map.of("consent", true));
        assertThat(lateConsented.status()).as(lateConsented.body()).isEqualTo(200);
        LocalDate lateNewDue = calendar.dueAfter(lateDue, 7).due();
        assertThat(lateConsented.json().get("overdue").asBoolean()).isFalse();

        assertThat(calendar.workingDaysBetween(today(), lateNewDue)).as("not due soon").isGreaterThan(2);
        assertThat(reminders.run(today())).as("the extended one only").isEqualTo(new ShareReminders.Report(0, 0, 0, 1, 0));
        assertThat(reminders.run(today())).isEqualTo(new ShareReminders.Report(0, 0, 0, 0, 0));

        List<JsonNode> reminded = events(timeline(extended), "REMINDER");
        assertThat(types(timeline(extended))).containsExactly("RAISED", "REMINDER", "EXTENSION_REQUESTED", "EXTENDED",
                "REMINDER");
        assertThat(reminded.get(0).get("detail").get("dueOn").asString()).isEqualTo(soonDue.toString());
        assertThat(reminded.get(1).get("detail").get("dueOn").asString()).isEqualTo(newDue.toString());
        assertThat(reminded.get(1).get("detail").get("workingDaysLeft").asInt())
                .isEqualTo(calendar.workingDaysBetween(today(), newDue));
        assertThat(types(timeline(refused))).containsExactly("RAISED", "REMINDER", "EXTENSION_REQUESTED",
                "EXTENSION_REFUSED");
        assertThat(events(timeline(wasLate), "OVERDUE")).hasSize(1);

        // when the new date passes too, it is noted again, against that date
        dueOn(wasLate, today().minusDays(1));
        assertThat(reminders.run(today()).objectionsOverdue()).isEqualTo(1);
        List<JsonNode> overdue = events(timeline(wasLate), "OVERDUE");
        assertThat(overdue).hasSize(2);
        assertThat(overdue.get(1).get("detail").get("dueOn").asString()).isEqualTo(today().minusDays(1).toString());
    }

    @Test
    void aDepartmentWithoutAGrantIsAnsweredAsIfTheEntryWereNotThere() {
        Api.Response refused = stranger.post(OBJECTIONS, objection(ZHANG, "xm", "张叁"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("NOT_FOUND");
        JsonNode audited = raiseRefusals();
        assertThat(Api.texts(audited, "outcome")).containsExactly("FAILURE");
        assertThat(audited.get(0).get("detail").asString()).isEqualTo("NO_GRANT");
        assertThat(objections.underReview(entryId, List.of(ZHANG))).isEmpty();
    }

    @Test
    void anObjectionToARecordThatDoesNotExistIsRefusedWithoutDisclosingMore() {
        String nobody = idNumber("19700101", "999");
        Api.Response missing = civilUser.api().post(OBJECTIONS, objection(nobody, "xm", "某某"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("OBJECTION_RECORD_NOT_FOUND");
        assertThat(missing.body()).doesNotContain(nobody).doesNotContain(ZHANG);
        Api.Response notGranted = civilUser.api().post(OBJECTIONS, objection(ZHANG, "zz", "某地"));
        assertThat(notGranted.status()).as("zz is not a granted item").isEqualTo(404);
        assertThat(notGranted.code()).isEqualTo("NOT_FOUND");
        assertThat(Api.texts(raiseRefusals(), "detail")).as("the real reasons, newest first")
                .containsExactly("GRANT_DOES_NOT_COVER", "OBJECTION_RECORD_NOT_FOUND");
    }

    @Test
    void onlyTheProvidersHandlersDecideAndEveryRefusalIsAudited() {
        long id = raised(civilUser.api(), ZHANG, "xm", "张叁");
        assertThat(civilApprover.post(OBJECTIONS + "/" + id + "/confirm", Map.of("reasons", "无误")).status())
                .as("the raising department").isEqualTo(403);
        assertThat(stranger.post(OBJECTIONS + "/" + id + "/correct", Map.of()).status()).as("another department")
                .isEqualTo(404);
        assertThat(authorityApprover.post(OBJECTIONS + "/" + id + "/correct", Map.of()).status())
                .as("the authority does not change the provider's data").isEqualTo(403);
        assertThat(policeAdmin.post(OBJECTIONS + "/" + id + "/confirm", Map.of("reasons", "无误")).status())
                .as("a department admin consents, it does not check").isEqualTo(403);
        assertThat(policeApprover.post(OBJECTIONS + "/" + id + "/forward", Map.of()).status())
                .as("only the authority forwards").isEqualTo(403);
        assertThat(Api.texts(audit("share.objection.correct", id), "outcome")).containsExactly("FAILURE", "FAILURE");
        assertThat(Api.texts(audit("share.objection.confirm", id), "outcome")).containsExactly("FAILURE", "FAILURE");
        assertThat(civilUser.api().get(OBJECTIONS + "/" + id).text("status")).isEqualTo("OPEN");
    }

    @Test
    void theAuthorityRaisesForACitizenAndSeesWhatIsOverdue() {
        long id = raised(authorityApprover, LI, "xm", "李肆");
        JsonNode raised = authorityApprover.get(OBJECTIONS + "/" + id).json();
        assertThat(raised.get("raisedAs").asString()).isEqualTo("AUTHORITY");
        assertThat(raised.has("grantId")).isFalse();
        assertThat(raised.get("overdue").asBoolean()).isFalse();
        assertThat(byId(authorityApprover.get(OBJECTIONS + "/overdue").json(), id)).isNull();

        jdbc.sql("update share_objection set due_on = ? where id = ?").params(today().minusDays(1), id).update();
        JsonNode overdue = byId(authorityApprover.get(OBJECTIONS + "/overdue").json(), id);
        assertThat(overdue).isNotNull();
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(policeApprover.get(OBJECTIONS + "/overdue").status()).isEqualTo(403);
        assertThat(byId(policeApprover.get(OBJECTIONS + "?side=PROVIDER&status=OPEN").json(), id)).isNotNull();
        assertThat(byId(civilUser.api().get(OBJECTIONS).json(), id)).as("not the civil bureau's").isNull();
    }
}

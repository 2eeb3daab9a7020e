package cn.govdata.lake.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.lake.ingest.LakeIngestionApiTest;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Governance of the lake through the HTTP API: authoritative sources and repeated collection (AGG-3, AGG-8),
 * discrepancies between departments (AGG-6) and deletion requests (AGG-7), with their refusals.
 */
class LakeGovernanceApiTest extends CatalogFixtures {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private cn.govdata.lake.sealing.SealedValues sealing;

    @Autowired
    private WorkingDayCalendar calendar;

    private Editor police;
    private Editor civil;
    private Api policeProvider;
    private Api civilProvider;

    private static final String ZHANG = LakeIngestionApiTest.id("19800101", "123");
    private static final String LI = LakeIngestionApiTest.id("19921231", "456");
    private static final String WANG = LakeIngestionApiTest.id("20010615", "789");

    @BeforeEach
    void setUp() {
        setUpCatalog();
        police = newEditor("公安局");
        civil = newEditor("民政局");
        policeProvider = newUser(admin, police.department().id(), Role.DATA_PROVIDER).api();
        civilProvider = newUser(admin, civil.department().id(), Role.DATA_PROVIDER).api();
    }

    private long dataset(Editor editor, Api provider, String name, List<Map<String, Object>> items) {
        Map<String, Object> content = content(name + unique());
        content.put("dataItems", new ArrayList<>(items));
        long entryId = published(editor, content).id();
        Api.Response created = provider.post("/api/v1/lake/datasets", Map.of("entryId", entryId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    private static Map<String, Object> idKey(String name, String chineseName, String standard) {
        return item(name, chineseName, "CHARACTER", 18, true, true, standard, "PERSONAL_INFORMATION");
    }

    private static Map<String, Object> text(String name, String chineseName, String sensitivity) {
        return item(name, chineseName, "CHARACTER", 100, false, false, null, sensitivity);
    }

    private static Api.Response upload(Api provider, long datasetId, String csv) {
        Api.Response batch = provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches?wait=true", "file", "d.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
        return batch;
    }

    private static Map<String, Object> designation(String element, String standard, long departmentId) {
        Map<String, Object> designation = new LinkedHashMap<>();
        designation.put("elementName", element);
        designation.put("valueStandard", standard);
        designation.put("subject", "人口");
        designation.put("departmentId", departmentId);
        return designation;
    }

    private static List<JsonNode> of(JsonNode array, String field, long id) {
        List<JsonNode> found = new ArrayList<>();
        array.forEach(node -> {
            if (node.get(field).asLong() == id) {
                found.add(node);
            }
        });
        return found;
    }

    // --- one data item, one source -------------------------------------------------------------------------

    @Test
    void theAuthorityDesignatesSourcesAndCollectingADesignatedElementAgainIsFlaggedNotRefused() {
        long policeId = police.department().id();
        // created before the designation: flagged when the authority designates
        long before = dataset(civil, civilProvider, "低保对象", List.of(idKey("gmsfhm", "公民身份号码", "GB 11643"),
                text("xm", "姓名", "PERSONAL_INFORMATION"), text("dbje", "低保金额", "NONE")));
        long own = dataset(police, policeProvider, "常住人口", List.of(idKey("gmsfhm", "公民身份号码", "GB 11643"),
                text("xm", "姓名", "PERSONAL_INFORMATION")));

        Api.Response refused = civilProvider.put("/api/v1/lake/sources", List.of(designation("姓名", null, policeId)));
        assertThat(refused.status()).isEqualTo(403);
        Api.Response foreign = reviewer.put("/api/v1/lake/sources", List.of(designation("姓名", null, 999_999)));
        assertThat(foreign.code()).isEqualTo("INVALID_VALUE");
        Api.Response twice = reviewer.put("/api/v1/lake/sources", List.of(designation("姓名", null, policeId),
                designation(" 姓名", null, civil.department().id())));
        assertThat(twice.code()).isEqualTo("INVALID_VALUE");

        Api.Response designated = reviewer.put("/api/v1/lake/sources", List.of(
                designation("公民身份号码", "GB 11643", policeId), designation("姓名", null, policeId)));
        assertThat(designated.status()).as(designated.body()).isEqualTo(200);
        assertThat(designated.json().size()).isEqualTo(2);
        JsonNode listed = civilProvider.get("/api/v1/lake/sources").json();
        assertThat(Api.texts(listed, "elementKey")).containsExactlyInAnyOrder("STD:GB11643", "NAME:姓名");
        assertThat(listed.get(0).get("departmentName").asString()).startsWith("公安局");

        // created after the designation: a contact's ID number collected again is flagged at creation, not refused
        long after = dataset(civil, civilProvider, "救助申请", List.of(item("sqbh", "申请编号", "CHARACTER", 20, true, true,
                null, "NONE"), item("lxrsfzh", "联系人身份证号", "CHARACTER", 18, false, false, "GB 11643-1999",
                "PERSONAL_INFORMATION")));

        JsonNode flags = civilProvider.get("/api/v1/lake/repeated-collections").json();
        assertThat(of(flags, "datasetId", before)).extracting(f -> f.get("itemName").asString()).containsExactly("xm");
        assertThat(of(flags, "datasetId", after)).extracting(f -> f.get("itemName").asString())
                .containsExactly("lxrsfzh");
        assertThat(of(flags, "datasetId", after).getFirst().get("sourceDepartmentId").asLong()).isEqualTo(policeId);
        // the record key is what identifies a record, not a collection; the source's own data is never flagged
        assertThat(of(flags, "datasetId", before)).noneMatch(f -> f.get("itemName").asString().equals("gmsfhm"));
        JsonNode all = reviewer.get("/api/v1/lake/repeated-collections?status=OPEN").json();
        assertThat(of(all, "datasetId", own)).isEmpty();
        assertThat(of(all, "datasetId", before)).hasSize(1);
        Api stranger = newUser(admin, newDepartment(admin, "教育局").id(), Role.DATA_PROVIDER).api();
        assertThat(of(stranger.get("/api/v1/lake/repeated-collections").json(), "datasetId", before)).isEmpty();

        long flagId = of(flags, "datasetId", before).getFirst().get("id").asLong();
        String decide = "/api/v1/lake/repeated-collections/" + flagId + "/decide";
        assertThat(civilProvider.post(decide, Map.of("decision", "ALLOWED")).status()).isEqualTo(403);
        assertThat(stranger.post(decide, Map.of("decision", "ALLOWED")).status()).isEqualTo(404);
        Api.Response decided = reviewer.post(decide, Map.of("decision", "SHARE_INSTEAD", "note", "从公安局共享获取"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.text("status")).isEqualTo("SHARE_INSTEAD");
        assertThat(reviewer.post(decide, Map.of("decision", "ALLOWED")).code()).isEqualTo("ALREADY_DECIDED");

        // withdrawing the designation lets the open flags lapse
        assertThat(reviewer.put("/api/v1/lake/sources", List.of(designation("姓名", null, policeId))).status())
                .isEqualTo(200);
        JsonNode lapsed = civilProvider.get("/api/v1/lake/repeated-collections?status=LAPSED").json();
        assertThat(of(lapsed, "datasetId", after)).hasSize(1);
        assertThat(civilProvider.get("/api/v1/lake/repeated-collections?status=NONSENSE").code())
                .isEqualTo("INVALID_VALUE");
    }

    // --- discrepancies ---------------------------------------------------------------------------------------

    /** The other dataset of the pair under test: datasets of other tests in the region may hold the same people. */
    private long partner;

    private JsonNode discrepancies(Api api, long datasetId) {
        Api.Response listed = api.get("/api/v1/lake/discrepancies");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        listed.json().forEach(d -> {
            long a = d.get("a").get("datasetId").asLong();
            long b = d.get("b").get("datasetId").asLong();
            if ((a == datasetId && b == partner) || (b == datasetId && a == partner)) {
                found.add(d);
            }
        });
        return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(found);
    }

    private JsonNode awaitDiscrepancies(Api api, long datasetId, int count) throws InterruptedException {
        JsonNode found = discrepancies(api, datasetId);
        for (int i = 0; i < 100 && found.size() < count; i++) {
            Thread.sleep(50);
            found = discrepancies(api, datasetId);
        }
        return found;
    }

    private static JsonNode byItem(JsonNode discrepancies, String item) {
        for (JsonNode d : discrepancies) {
            if (d.get("item").asString().equals(item)) {
                return d;
            }
        }
        throw new AssertionError("no discrepancy of " + item + " in " + discrepancies);
    }

    @Test
    void departmentsHoldingTheSameEntityDifferentlyGetADiscrepancyWithADeadlineAndResolveIt() throws InterruptedException {
        long policeData = dataset(police, policeProvider, "常住人口", List.of(idKey("gmsfhm", "公民身份号码", "GB 11643"),
                text("xm", "姓名", "PERSONAL_INFORMATION"), text("zz", "住址", "NONE")));
        partner = policeData;
        long civilData = dataset(civil, civilProvider, "低保对象", List.of(idKey("sfzh", "身份证号码", "GB 11643-1999"),
                text("name", "姓名", "PERSONAL_INFORMATION"), text("jzdz", "住址", "NONE"), text("bz", "备注", "NONE")));
        upload(policeProvider, policeData, "gmsfhm,xm,zz\n" + ZHANG + ",张三,幸福路1号\n" + LI + ",李四,和平路2号\n");
        upload(civilProvider, civilData, "sfzh,name,jzdz,bz\n" + ZHANG + ",张三,幸福路10号,x\n" + LI + ",李思,和平路2号,y\n"
                + WANG + ",王五,长安街3号,z\n");

        // found by the check that runs after each applied batch
        JsonNode found = awaitDiscrepancies(civilProvider, civilData, 2);
        assertThat(found.size()).as(found.toString()).isEqualTo(2);
        JsonNode name = byItem(found, "姓名");
        JsonNode address = byItem(found, "住址");
        assertThat(name.get("status").asString()).isEqualTo("OPEN");
        assertThat(name.get("keyStandard").asString()).isEqualTo("GB11643");
        assertThat(name.get("a").get("departmentId").asLong()).isEqualTo(police.department().id());
        assertThat(name.get("b").get("departmentId").asLong()).isEqualTo(civil.department().id());
        // the entity key and personal values are masked; other values are shown
        assertThat(found.toString()).doesNotContain(LI).doesNotContain(ZHANG).doesNotContain("李思");
        assertThat(name.get("personal").asBoolean()).isTrue();
        assertThat(name.get("b").get("value").asString()).isEqualTo("李*");
        assertThat(address.get("a").get("value").asString()).isEqualTo("幸福路1号");
        assertThat(address.get("b").get("value").asString()).isEqualTo("幸福路10号");
        assertThat(name.get("dueOn").asString())
                .isEqualTo(calendar.dueAfter(calendar.today(), Discrepancies.DEFAULT_WORKING_DAYS).due().toString());
        assertThat(discrepancies(policeProvider, civilData).size()).isEqualTo(2);

        // re-scanning does not duplicate; only the authority scans
        assertThat(civilProvider.post("/api/v1/lake/discrepancies/scan", Map.of()).status()).isEqualTo(403);
        Api.Response scanned = reviewer.post("/api/v1/lake/discrepancies/scan", Map.of());
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        assertThat(discrepancies(reviewer, civilData).size()).isEqualTo(2);

        // a stranger department neither sees nor resolves them
        Api stranger = newUser(admin, newDepartment(admin, "教育局").id(), Role.DATA_PROVIDER).api();
        assertThat(discrepancies(stranger, civilData).size()).isZero();
        String resolveName = "/api/v1/lake/discrepancies/" + name.get("id").asLong() + "/resolve";
        Map<String, Object> policeIsRight = Map.of("decision", "ONE_VALUE_CORRECT", "correctDepartmentId",
                police.department().id(), "note", "以户籍登记为准");
        assertThat(stranger.post(resolveName, policeIsRight).status()).isEqualTo(404);
        assertThat(civilProvider.post(resolveName, Map.of("decision", "ONE_VALUE_CORRECT", "correctDepartmentId",
                stranger.get("/api/v1/auth/me").json().get("departmentId").asLong())).code()).isEqualTo("INVALID_VALUE");
        assertThat(civilProvider.post(resolveName, Map.of("decision", "ONE_VALUE_CORRECT")).code())
                .isEqualTo("FIELD_REQUIRED");

        // settled by a department holding one side
        Api.Response settled = civilProvider.post(resolveName, policeIsRight);
        assertThat(settled.status()).as(settled.body()).isEqualTo(200);
        assertThat(settled.text("status")).isEqualTo("SETTLED");
        assertThat(settled.json().get("correctDepartmentId").asLong()).isEqualTo(police.department().id());
        assertThat(reviewer.post(resolveName, Map.of("decision", "BOTH_VALID")).code()).isEqualTo("ALREADY_DECIDED");

        // a correction closes an open discrepancy at the next check; a settled one is not raised again
        upload(civilProvider, civilData, "sfzh,name,jzdz,bz\n" + ZHANG + ",张三,幸福路1号,x\n");
        JsonNode closed = discrepancies(civilProvider, civilData);
        for (int i = 0; i < 100 && !byItem(closed, "住址").get("status").asString().equals("CLOSED"); i++) {
            Thread.sleep(50);
            closed = discrepancies(civilProvider, civilData);
        }
        assertThat(byItem(closed, "住址").get("status").asString()).isEqualTo("CLOSED");
        reviewer.post("/api/v1/lake/discrepancies/scan", Map.of());
        assertThat(discrepancies(reviewer, civilData).size()).isEqualTo(2);

        // a new difference is decided by the authority
        upload(policeProvider, policeData, "gmsfhm,xm,zz\n" + WANG + ",王武,长安街3号\n");
        JsonNode withNew = awaitDiscrepancies(reviewer, civilData, 3);
        JsonNode wang = null;
        for (JsonNode d : withNew) {
            if (d.get("status").asString().equals("OPEN")) {
                wang = d;
            }
        }
        assertThat(wang).as(withNew.toString()).isNotNull();
        Api.Response decided = reviewer.post("/api/v1/lake/discrepancies/" + wang.get("id").asLong() + "/resolve",
                Map.of("decision", "BOTH_VALID", "note", "曾用名"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.text("status")).isEqualTo("DECIDED");
        assertThat(reviewer.get("/api/v1/lake/discrepancies?status=DECIDED").json().size()).isGreaterThanOrEqualTo(1);
    }

    // --- deletion requests -----------------------------------------------------------------------------------

    @Test
    void recordsAreDeletedOnlyByAnApprovedRequestAndBecomeTombstones() throws InterruptedException {
        long data = dataset(civil, civilProvider, "低保对象", List.of(idKey("gmsfhm", "公民身份号码", "GB 11643"),
                text("xm", "姓名", "PERSONAL_INFORMATION")));
        upload(civilProvider, data, "gmsfhm,xm\n" + ZHANG + ",张三\n" + LI + ",李四\n" + WANG + ",王五\n");
        String deletions = "/api/v1/lake/datasets/" + data + "/deletions";
        Map<String, Object> request = Map.of("recordKeys", List.of(LI), "reason", "重复登记，已由户籍注销");

        // refusals: unknown keys, a stranger, someone who is not a data provider, no reason
        Api.Response unknown = civilProvider.post(deletions, Map.of("recordKeys", List.of(LI, "999"), "reason", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_RECORD_KEYS");
        assertThat(unknown.body()).doesNotContain(LI);
        Api stranger = newUser(admin, newDepartment(admin, "教育局").id(), Role.DATA_PROVIDER, Role.DEPARTMENT_ADMIN).api();
        assertThat(stranger.post(deletions, request).status()).isEqualTo(404);
        assertThat(civil.api().post(deletions, request).status()).isEqualTo(403);
        assertThat(civilProvider.post(deletions, Map.of("recordKeys", List.of(LI))).code()).isEqualTo("FIELD_REQUIRED");

        Api.Response created = civilProvider.post(deletions, request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PENDING");
        assertThat(created.body()).doesNotContain(LI);
        String approve = "/api/v1/lake/deletions/" + created.id() + "/approve";

        // nothing is deleted yet; only the department head or the authority decides, never the requester
        assertThat(civilProvider.get("/api/v1/lake/datasets/" + data + "/records").json().get("total").asLong())
                .isEqualTo(3);
        assertThat(civilProvider.post(approve, Map.of()).status()).isEqualTo(403);
        assertThat(stranger.post(approve, Map.of()).status()).isEqualTo(404);
        Api head = newUser(admin, civil.department().id(), Role.DEPARTMENT_ADMIN).api();
        assertThat(head.get("/api/v1/lake/deletions?status=PENDING").json().size()).isEqualTo(1);

        Thread.sleep(20);
        OffsetDateTime before = OffsetDateTime.now();
        Thread.sleep(20);
        Api.Response approved = head.post(approve, Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.json().get("recordsTombstoned").asLong()).isEqualTo(1);
        assertThat(head.post(approve, Map.of()).code()).isEqualTo("ALREADY_DECIDED");

        JsonNode now = civilProvider.get("/api/v1/lake/datasets/" + data + "/records").json();
        assertThat(now.get("total").asLong()).isEqualTo(2);
        assertThat(civilProvider.get("/api/v1/lake/datasets/" + data + "/records?key=" + LI + "&asOf=" + before).json()
                .get("records").get(0).get("xm").asString()).isEqualTo("李四");
        // the ID number is the key: the tables hold its keyed digest (lake.sealing)
        String storedLi = sealing.lookupKey(LI);
        assertThat(jdbc.sql("select count(*) from lake_ds_" + data + "_h where record_key = ? and tombstone and valid_to is null")
                .param(storedLi).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from lake_ds_" + data + "_h where record_key = ? and not tombstone and valid_to is not null")
                .param(storedLi).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from lake_ds_" + data + " where record_key = ?").param(storedLi)
                .query(Long.class).single()).isZero();
        assertThat(civilProvider.get("/api/v1/lake/datasets/" + data).json().get("recordCount").asLong()).isEqualTo(2);
        JsonNode batches = civilProvider.get("/api/v1/lake/datasets/" + data + "/batches").json();
        assertThat(batches.get(0).get("mode").asString()).isEqualTo("DELETE");
        assertThat(batches.get(0).get("recordsTombstoned").asLong()).isEqualTo(1);

        // a requester who is also the department head still cannot approve their own request
        Api both = newUser(admin, civil.department().id(), Role.DATA_PROVIDER, Role.DEPARTMENT_ADMIN).api();
        Api.Response own = both.post(deletions, Map.of("recordKeys", List.of(WANG), "reason", "迁出"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        Api.Response self = both.post("/api/v1/lake/deletions/" + own.id() + "/approve", Map.of());
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.code()).isEqualTo("SELF_APPROVAL");

        // the authority rejects, with a reason; nothing is deleted
        String reject = "/api/v1/lake/deletions/" + own.id() + "/reject";
        assertThat(reviewer.post(reject, Map.of()).code()).isEqualTo("FIELD_REQUIRED");
        Api.Response rejected = reviewer.post(reject, Map.of("reason", "仍在保障期内"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(head.post("/api/v1/lake/deletions/" + own.id() + "/approve", Map.of()).code())
                .isEqualTo("ALREADY_DECIDED");
        assertThat(civilProvider.get("/api/v1/lake/datasets/" + data + "/records").json().get("total").asLong())
                .isEqualTo(2);
        JsonNode listed = civilProvider.get(deletions).json();
        assertThat(Api.texts(listed, "status")).containsExactly("REJECTED", "APPROVED");

        // uploads cannot pose as deletions
        Api.Response posing = civilProvider.upload("/api/v1/lake/datasets/" + data + "/batches?mode=DELETE", "file",
                "d.csv", "text/csv", ("gmsfhm,xm\n" + ZHANG + ",张三\n").getBytes(StandardCharsets.UTF_8));
        assertThat(posing.code()).isEqualTo("INVALID_VALUE");
    }
}

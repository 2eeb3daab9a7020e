package cn.govdata.lake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * No classified data in the lake (SEC-3): a file carrying a secrecy marking in any cell is held, nothing of it
 * applied, until the department's security officer releases it as a false positive (with a reason) or discards
 * it; a pushed record with a marking is refused. Every decision is audited.
 */
public class ClassifiedDataApiTest extends CatalogFixtures {

    private static final String ZHANG = LakeIngestionApiTest.id("19800101", "123");
    private static final String LI = LakeIngestionApiTest.id("19921231", "456");

    @Autowired
    private JdbcClient jdbc;

    private Api provider;
    private Api officer;
    private long departmentId;
    private long datasetId;

    @BeforeEach
    void setUp() {
        setUpCatalog();
        Editor editor = newEditor("民政局");
        departmentId = editor.department().id();
        provider = newUser(admin, departmentId, Role.DATA_PROVIDER).api();
        officer = newUser(admin, departmentId, Role.DEPARTMENT_ADMIN).api();
        Map<String, Object> content = content("低保对象信息" + unique());
        content.put("dataItems", List.of(
                item("gmsfhm", "公民身份号码", "CHARACTER", 18, true, true, "GB 11643", "PERSONAL_INFORMATION"),
                item("xm", "姓名", "CHARACTER", 50, true, false, null, "PERSONAL_INFORMATION"),
                item("bz", "备注", "CHARACTER", 100, false, false, null, null)));
        long entryId = published(editor, content).id();
        Api.Response created = provider.post("/api/v1/lake/datasets", Map.of("entryId", entryId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        datasetId = created.id();
    }

    private Api.Response upload(String csv) {
        return provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches?wait=true", "file", "低保.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private String batchPath(long batchId) {
        return "/api/v1/lake/datasets/" + datasetId + "/batches/" + batchId;
    }

    private long records() {
        return provider.get("/api/v1/lake/datasets/" + datasetId + "/records").json().get("total").asLong();
    }

    private long audited(String action, long batchOrDataset) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and object_id = ?")
                .params(action, Long.toString(batchOrDataset)).query(Long.class).single();
    }

    @Test
    void aFileWithASecrecyMarkingIsHeldUntilTheSecurityOfficerReleasesIt() {
        Api.Response held = upload("公民身份号码,姓名,备注\n" + ZHANG + ",张三,\n" + LI + ",李四,文件密级：机密★5年\n");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.text("status")).isEqualTo("HELD");
        assertThat(held.json().get("hold").get("row").asLong()).isEqualTo(3);
        assertThat(held.json().get("hold").get("item").asString()).isEqualTo("bz");
        assertThat(held.json().get("hold").get("marking").asString()).isEqualTo("机密★");
        assertThat(records()).isZero();
        assertThat(audited("lake.batch.hold", datasetId)).isEqualTo(1);

        // the uploader cannot release their own batch, a stranger cannot either, and a release needs a reason
        assertThat(provider.post(batchPath(held.id()) + "/release", Map.of("reason", "误报")).status()).isEqualTo(403);
        assertThat(officer.post(batchPath(held.id()) + "/release", Map.of("reason", " ")).code())
                .isEqualTo("FIELD_REQUIRED");
        Api stranger = newUser(admin, newDepartment(admin, "教育局").id(), Role.DEPARTMENT_ADMIN).api();
        assertThat(stranger.post(batchPath(held.id()) + "/release", Map.of("reason", "误报")).status()).isEqualTo(404);

        Api.Response released = officer.post(batchPath(held.id()) + "/release",
                Map.of("reason", "备注为公开文件的标题，并非涉密数据"));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        Api.Response applied = awaitEnd(held.id());
        assertThat(applied.text("status")).isEqualTo("APPLIED");
        assertThat(applied.json().get("hold").get("reason").asString()).isEqualTo("备注为公开文件的标题，并非涉密数据");
        assertThat(records()).isEqualTo(2);
        assertThat(audited("lake.batch.hold.release", datasetId)).isEqualTo(1);
        assertThat(officer.post(batchPath(held.id()) + "/discard", Map.of()).code()).isEqualTo("INVALID_STATE");
    }

    @Test
    void aDiscardedBatchLeavesNothingAndEveryMarkingFormIsCaught() {
        for (String marking : List.of("秘密级", "绝密★10年", "机密 ★")) {
            Api.Response held = upload("公民身份号码,姓名,备注\n" + ZHANG + ",张三," + marking + "\n");
            assertThat(held.text("status")).as(marking).isEqualTo("HELD");
            Api.Response discarded = officer.post(batchPath(held.id()) + "/discard", Map.of("reason", "确属涉密"));
            assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
            assertThat(discarded.text("status")).isEqualTo("DISCARDED");
        }
        assertThat(records()).isZero();
        assertThat(audited("lake.batch.hold.discard", datasetId)).isEqualTo(3);
        // words alone are no marking: 秘密 without ★ or 级 is an ordinary value
        assertThat(upload("公民身份号码,姓名,备注\n" + ZHANG + ",张三,保守秘密\n").text("status")).isEqualTo("APPLIED");
    }

    @Test
    void aPushedRecordWithAMarkingIsRefused() {
        Api system = connectedSystem(admin.post("/api/v1/systems", Map.of("departmentId", departmentId, "name", "救助系统")));
        Api.Response refused = system.post("/api/v1/lake/datasets/" + datasetId + "/records", Map.of("requestId",
                "req-" + unique(), "records", List.of(Map.of("gmsfhm", ZHANG, "xm", "张三"),
                        Map.of("gmsfhm", LI, "xm", "李四", "bz", "秘密★"))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("CLASSIFIED_DATA_REFUSED");
        assertThat(Api.texts(refused.json().get("errors"), "location")).containsExactly("records[1].bz");
        assertThat(records()).isZero();
        assertThat(audited("lake.push.classified-refuse", datasetId)).isEqualTo(1);
    }

    private Api.Response awaitEnd(long batchId) {
        long deadline = System.currentTimeMillis() + 30_000;
        Api.Response report = provider.get(batchPath(batchId));
        while (report.text("status").equals("RUNNING") && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            report = provider.get(batchPath(batchId));
        }
        return report;
    }
}

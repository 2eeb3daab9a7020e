package cn.govdata.lake.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.lake.LakeRecords;
import cn.govdata.lake.ingest.LakeIngestionApiTest;
import cn.govdata.lake.sealing.LakeKeys;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Key rotation without downtime (SEC-8): the authority's security administrator starts it, a new key version seals at
 * once, the job re-seals older values while a batch is uploaded and records are read, and the old version leaves the
 * key file when no value uses it; nothing is lost on the way.
 */
class KeyRotationApiTest extends CatalogFixtures {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private KeyRotation rotation;

    @Autowired
    private LakeKeys keys;

    @Autowired
    private cn.govdata.lake.sealing.SealedValues sealing;

    @Autowired
    private LakeRecords lakeRecords;

    private static String id(int n) {
        return LakeIngestionApiTest.id("19" + (50 + n % 50) + "0101", String.format("%03d", n % 1000));
    }

    private static String csv(int from, int to, String suffix) {
        StringBuilder csv = new StringBuilder("公民身份号码,姓名\n");
        for (int n = from; n < to; n++) {
            csv.append(id(n)).append(",姓名").append(n).append(suffix).append('\n');
        }
        return csv.toString();
    }

    @Test
    void aRotationUnderWayLosesNothingAndRetiresTheOldVersion() throws Exception {
        setUpCatalog();
        Editor editor = newEditor("公安局");
        Api provider = newUser(admin, editor.department().id(), Role.DATA_PROVIDER).api();
        Api security = newUser(admin, authorityDepartmentId(admin), Role.SECURITY_ADMIN).api();
        Map<String, Object> content = content("人口基本信息" + unique());
        content.put("dataItems", List.of(
                item("gmsfhm", "公民身份号码", "CHARACTER", 18, true, true, "GB 11643", "PERSONAL_INFORMATION"),
                item("xm", "姓名", "CHARACTER", 50, true, false, null, "PERSONAL_INFORMATION")));
        long entryId = published(editor, content).id();
        long datasetId = provider.post("/api/v1/lake/datasets", Map.of("entryId", entryId)).id();
        String batches = "/api/v1/lake/datasets/" + datasetId + "/batches?wait=true";
        Api.Response first = provider.upload(batches, "file", "a.csv", "text/csv",
                csv(0, 300, "").getBytes(StandardCharsets.UTF_8));
        assertThat(first.text("status")).as(first.body()).isEqualTo("APPLIED");

        // a discrepancy between two sealed items keeps its two values sealed: a rotation must re-seal them too
        long regionId = jdbc.sql("select region_id from lake_dataset where id = ?").param(datasetId)
                .query(Long.class).single();
        long department = editor.department().id();
        jdbc.sql("""
                insert into lake_discrepancy (region_id, key_standard, entity_key, dataset_a, department_a, item_a,
                    value_a, dataset_b, department_b, item_b, value_b, item_label, personal, status, found_at, due_on,
                    sealed)
                values (?, 'GB 11643', ?, ?, ?, 'xm', ?, ?, ?, 'xm', ?, '姓名', true, 'OPEN', ?, ?, true)""")
                .params(regionId, id(1), datasetId, department, sealing.seal("姓名甲"), datasetId, department,
                        sealing.seal("姓名乙"), java.time.OffsetDateTime.now(), java.time.LocalDate.now().plusDays(10))
                .update();

        assertThat(provider.get("/api/v1/security/lake-keys").status()).isEqualTo(403);
        assertThat(provider.post("/api/v1/security/lake-keys/rotate", Map.of()).status()).isEqualTo(403);
        int old = keys.active().number();
        Api.Response rotated = security.post("/api/v1/security/lake-keys/rotate", Map.of());
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        int fresh = old + 1;
        assertThat(versions(rotated.json())).containsEntry(fresh, 0L);
        assertThat(versions(rotated.json()).get(old)).isGreaterThanOrEqualTo(600);  // 300 records, two sealed items

        // the job re-seals while a batch (changing half the records, adding 100) is applied and records are read
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread job = Thread.ofPlatform().start(() -> {
            try {
                while (!done.get()) {
                    rotation.reseal();
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        Api.Response second;
        List<Long> totals = new ArrayList<>();
        try {
            second = provider.upload(batches, "file", "b.csv", "text/csv",
                    (csv(0, 150, "改") + csv(150, 400, "").substring("公民身份号码,姓名\n".length()))
                            .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                LakeRecords.Source source = lakeRecords.ofEntry(entryId).orElseThrow();
                LakeRecords.Page page = lakeRecords.query(source, List.of("xm"), List.of(new LakeRecords.Condition(
                        "gmsfhm", LakeRecords.Match.EQUALS, id(7))), 0, 10);
                assertThat(page.rows()).extracting(r -> r.values().get("xm")).containsAnyOf("姓名7", "姓名7改");
                totals.add(provider.get("/api/v1/lake/datasets/" + datasetId + "/records?size=1").json().get("total")
                        .asLong());
            }
        } finally {
            done.set(true);
            job.join();
        }
        assertThat(failed.get()).isNull();
        assertThat(second.text("status")).as(second.body()).isEqualTo("APPLIED");
        assertThat(totals).allMatch(total -> total == 300 || total == 400);

        rotation.reseal();
        rotation.reseal();
        assertThat(keys.versionNumbers()).doesNotContain(old).contains(fresh);
        JsonNode after = security.get("/api/v1/security/lake-keys").json();
        assertThat(versions(after)).doesNotContainKey(old);
        for (String table : List.of("lake_ds_" + datasetId, "lake_ds_" + datasetId + "_h")) {
            assertThat(jdbc.sql("select c_xm from " + table + " where c_xm is not null").query(String.class).list())
                    .isNotEmpty().allMatch(v -> v.startsWith(fresh + ":"));
        }
        assertThat(jdbc.sql("select value_a, value_b from lake_discrepancy where region_id = ? and sealed"
                + " and entity_key = ?").params(regionId, id(1)).query((rs, n) -> List.of(rs.getString(1),
                        rs.getString(2))).single()).allMatch(v -> v.startsWith(fresh + ":"));
        Api.Response discrepancies = admin.get("/api/v1/lake/discrepancies");
        assertThat(discrepancies.status()).as("readable after the old key left: " + discrepancies.body())
                .isEqualTo(200);
        Api.Response records = provider.get("/api/v1/lake/datasets/" + datasetId + "/records?size=500");
        assertThat(records.json().get("total").asLong()).isEqualTo(400);
        assertThat(records.body()).contains("姓名0改", "姓名149改", "姓名150\"", "姓名399\"", id(0), id(399));
        // the changed records' earlier versions, re-sealed too; a record sent again unchanged while its stored value
        // was still sealed under the old version counts as changed (one extra version, no value lost)
        assertThat(jdbc.sql("select count(*) from lake_ds_" + datasetId + "_h").query(Long.class).single())
                .isBetween(150L, 300L);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'lake.keys.rotate'").query(Long.class)
                .single()).isPositive();
    }

    private static Map<Integer, Long> versions(JsonNode versions) {
        Map<Integer, Long> byVersion = new java.util.LinkedHashMap<>();
        for (JsonNode version : versions) {
            byVersion.put(version.get("version").asInt(), version.get("values").asLong());
        }
        return byVersion;
    }
}

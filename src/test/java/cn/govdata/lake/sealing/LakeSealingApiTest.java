package cn.govdata.lake.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.lake.LakeRecords;
import cn.govdata.lake.LakeRecords.Condition;
import cn.govdata.lake.LakeRecords.Match;
import cn.govdata.lake.RecordCorrections;
import cn.govdata.lake.ingest.LakeIngestionApiTest;
import cn.govdata.shared.Actor;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Encryption at rest of personal information in the lake (SEC-4, SEC-8): what the tables hold after an upload, a push
 * and a correction is sealed, while every read (the API, a read by key, a query with conditions, an export since a
 * cursor) answers the plain values; an altered sealed value is reported, never answered.
 */
class LakeSealingApiTest extends CatalogFixtures {

    private static final String ZHANG = LakeIngestionApiTest.id("19800101", "123");
    private static final String LI = LakeIngestionApiTest.id("19921231", "456");
    private static final String WANG = LakeIngestionApiTest.id("20010615", "789");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private LakeRecords lakeRecords;

    @Autowired
    private SealedValues sealedValues;

    @Autowired
    private RecordCorrections corrections;

    private Editor editor;
    private Api provider;
    private long datasetId;
    private long entryId;

    @BeforeEach
    void setUp() {
        setUpCatalog();
        editor = newEditor("民政局");
        provider = newUser(admin, editor.department().id(), Role.DATA_PROVIDER).api();
        Map<String, Object> content = content("低保对象信息" + unique());
        content.put("dataItems", List.of(
                item("gmsfhm", "公民身份号码", "CHARACTER", 18, true, true, "GB 11643", "PERSONAL_INFORMATION"),
                item("xm", "姓名", "CHARACTER", 50, true, false, null, "PERSONAL_INFORMATION"),
                item("hjd", "户籍地", "CHARACTER", 6, false, false, null, "NONE")));
        entryId = published(editor, content).id();
        Api.Response created = provider.post("/api/v1/lake/datasets", Map.of("entryId", entryId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        datasetId = created.id();
    }

    private Api.Response upload(String csv, String... params) {
        String query = "?wait=true" + (params.length == 0 ? "" : "&" + String.join("&", params));
        Api.Response batch = provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches" + query, "file",
                "低保.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
        return batch;
    }

    /** Every value the dataset's current, history and staging tables hold in the named column. */
    private List<String> stored(String column) {
        List<String> values = new ArrayList<>();
        for (String table : List.of("lake_ds_" + datasetId, "lake_ds_" + datasetId + "_h", "lake_ds_" + datasetId + "_s")) {
            values.addAll(jdbc.sql("select " + column + " from " + table + " where " + column + " is not null")
                    .query(String.class).list());
        }
        return values;
    }

    private void assertNothingPlain(String... personal) {
        List<String> names = stored("c_xm");
        List<String> numbers = stored("c_gmsfhm");
        assertThat(names).isNotEmpty().allMatch(v -> v.matches("[0-9]+:[A-Za-z0-9+/=]+"));
        assertThat(numbers).isNotEmpty().allMatch(v -> v.matches("[0-9]+:[A-Za-z0-9+/=]+"));
        for (String value : personal) {
            assertThat(names).noneMatch(v -> v.contains(value));
            assertThat(numbers).noneMatch(v -> v.contains(value));
        }
        // an item that is not personal information stays as sent
        assertThat(stored("c_hjd")).allMatch(v -> v.matches("[0-9]{6}"));
    }

    private LakeRecords.Source source() {
        return lakeRecords.ofEntry(entryId).orElseThrow();
    }

    @Test
    void theTablesHoldNoPlainPersonalValueAfterAnUploadAPushAndACorrection() throws InterruptedException {
        upload("公民身份号码,姓名,户籍地\n" + ZHANG + ",张三,370602\n" + LI + ",李四,370603\n");
        Thread.sleep(5);
        // an upsert that changes one record moves its old version to the history, sealed as it was
        upload("公民身份号码,姓名,户籍地\n" + ZHANG + ",张三丰,370602\n" + LI + ",李四,370603\n");
        assertThat(jdbc.sql("select count(*) from lake_ds_" + datasetId + "_h").query(Long.class).single())
                .as("the unchanged record keeps its version: equal values seal equal").isEqualTo(1);
        assertNothingPlain("张三", "李四", "张三丰", ZHANG, LI);
        // the ID number is the record key: stored as a keyed HMAC-SM3 digest, one index probe away
        for (String table : List.of("lake_ds_" + datasetId, "lake_ds_" + datasetId + "_h")) {
            assertThat(jdbc.sql("select record_key from " + table).query(String.class).list()).isNotEmpty()
                    .allMatch(key -> key.matches("k:[0-9a-f]{64}"));
        }

        Api.Response pushed = system(editor.department().id()).post("/api/v1/lake/datasets/" + datasetId + "/records",
                Map.of("requestId", "req-" + unique(), "records", List.of(Map.of("gmsfhm", WANG, "xm", "王五"))));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        assertNothingPlain("王五", WANG);

        Actor clerk = new Actor(Actor.Kind.USER, 0, "sealing-test", editor.department().id(),
                editor.department().regionId(), false, Set.of(Role.DATA_PROVIDER));
        RecordCorrections.Correction corrected = corrections.correct(clerk, entryId, Map.of("gmsfhm", WANG),
                Map.of("xm", "王五六"), "test");
        assertThat(corrected.before()).containsEntry("xm", "王五");
        assertNothingPlain("王五六", "王五", WANG);

        // the API answers the plain values, the record's key too
        Api.Response records = provider.get("/api/v1/lake/datasets/" + datasetId + "/records");
        assertThat(records.status()).as(records.body()).isEqualTo(200);
        assertThat(records.json().get("total").asLong()).isEqualTo(3);
        assertThat(records.body()).contains("张三丰", "李四", "王五六", ZHANG, LI, WANG);
        Api.Response byKey = provider.get("/api/v1/lake/datasets/" + datasetId + "/records?key=" + WANG);
        assertThat(byKey.json().get("records").get(0).get("xm").asString()).isEqualTo("王五六");
    }

    @Test
    void readsByKeyByConditionsAndSinceACursorAnswerPlainValues() {
        upload("公民身份号码,姓名,户籍地\n" + ZHANG + ",张三,370602\n" + LI + ",李四,370603\n" + WANG + ",王五,370602\n");
        LakeRecords.Source source = source();
        assertThat(source.sealedItems()).containsExactlyInAnyOrder("gmsfhm", "xm");
        List<String> items = List.of("gmsfhm", "xm", "hjd");

        LakeRecords.Row li = lakeRecords.byKey(source, source.recordKey(Map.of("gmsfhm", LI)), items, List.of())
                .orElseThrow();
        assertThat(li.values()).containsEntry("xm", "李四").containsEntry("gmsfhm", LI);
        assertThat(li.key()).as("the key text, rebuilt from the sealed key item").isEqualTo(LI);
        assertThat(lakeRecords.query(source, List.of("xm"), List.of(), 0, 10).rows()).extracting(LakeRecords.Row::key)
                .containsExactlyInAnyOrder(ZHANG, LI, WANG);
        // an equality condition on a sealed item runs in SQL, against the value sealed under each live key version
        LakeRecords.Page named = lakeRecords.query(source, items, List.of(new Condition("xm", Match.EQUALS,
                List.of("王五", "赵六"))), 0, 10);
        assertThat(named.total()).isEqualTo(1);
        assertThat(named.rows().getFirst().values()).containsEntry("gmsfhm", WANG);
        // a prefix of a sealed value is checked on the opened values, paging after the filter
        List<Condition> born = List.of(new Condition("gmsfhm", Match.STARTS_WITH, List.of("3706021980", "3706022001")));
        LakeRecords.Page page = lakeRecords.query(source, List.of("xm"), born, 1, 1);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.rows()).hasSize(1);
        assertThat(page.rows().getFirst().values()).containsOnlyKeys("xm");
        assertThat(lakeRecords.byKey(source, source.recordKey(Map.of("gmsfhm", LI)), items, born)).isEmpty();
        assertThat(lakeRecords.byKey(source, source.recordKey(Map.of("gmsfhm", ZHANG)), List.of("xm"), born)
                .orElseThrow().values()).containsOnlyKeys("xm").containsEntry("xm", "张三");

        List<LakeRecords.Change> all = new ArrayList<>();
        long cursor = lakeRecords.export(source, items, List.of(), 0, (n, c) -> { }, all::add).cursor();
        assertThat(all).extracting(c -> c.values().get("xm")).containsExactlyInAnyOrder("张三", "李四", "王五");
        assertThat(all).extracting(LakeRecords.Change::key).containsExactlyInAnyOrder(ZHANG, LI, WANG);
        List<LakeRecords.Change> prefixed = new ArrayList<>();
        long[] admitted = { -1 };
        lakeRecords.export(source, items, born, 0, (n, c) -> admitted[0] = n, prefixed::add);
        assertThat(admitted[0]).isEqualTo(2);
        assertThat(prefixed).extracting(c -> c.values().get("xm")).containsExactlyInAnyOrder("张三", "王五");

        upload("公民身份号码,姓名,户籍地\n" + ZHANG + ",张三丰,370602\n" + LI + ",李四,370603\n", "mode=REPLACE",
                "confirmReplace=true");
        List<LakeRecords.Change> since = new ArrayList<>();
        long[] counted = { -1 };
        lakeRecords.export(source(), items, born, cursor, (n, c) -> counted[0] = n, since::add);
        assertThat(counted[0]).isEqualTo(2);
        assertThat(since).extracting(c -> c.deleted() ? "deleted " + c.key() : c.values().get("xm"))
                .containsExactlyInAnyOrder("张三丰", "deleted " + source.recordKey(Map.of("gmsfhm", WANG)));
    }

    /**
     * A whole export of more rows than one chunk opened ahead (on PostgreSQL its rows are opened on other threads while
     * the reader goes on): every row comes out once, each with its own values; an altered value in a later chunk stops
     * the export with the broken seal.
     */
    @Test
    void aWholeExportOfManyRowsOpensEachRowsOwnValues() {
        int rows = 1_300;
        Map<String, String> nameOf = new java.util.HashMap<>();
        StringBuilder csv = new StringBuilder("公民身份号码,姓名,户籍地\n");
        for (int i = 0; i < rows; i++) {
            String number = cn.govdata.support.IdNumbers.of("370602", i < 1000 ? "19520101" : "19520102",
                    String.format("%03d", i % 1000));
            nameOf.put(number, "居民" + i);
            csv.append(number).append(",居民").append(i).append(",370602\n");
        }
        upload(csv.toString());
        List<LakeRecords.Change> all = new ArrayList<>();
        lakeRecords.export(source(), List.of("gmsfhm", "xm"), List.of(), 0, (n, c) -> { }, all::add);
        assertThat(all).hasSize(rows);
        assertThat(all).extracting(LakeRecords.Change::key).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(change -> {
            assertThat(change.values().get("gmsfhm")).isEqualTo(change.key());
            assertThat(change.values().get("xm")).isEqualTo(nameOf.get(change.key()));
        });

        String key = sealedValues.lookupKey(all.getLast().key());  // a row of the last chunk, as stored
        String sealed = jdbc.sql("select c_xm from lake_ds_" + datasetId + " where record_key = ?").param(key)
                .query(String.class).single();
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':') + 1));
        bytes[bytes.length - 1] ^= 1;
        jdbc.sql("update lake_ds_" + datasetId + " set c_xm = ? where record_key = ?").params(
                sealed.substring(0, sealed.indexOf(':') + 1) + java.util.Base64.getEncoder().encodeToString(bytes), key)
                .update();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lakeRecords.export(source(), List.of("xm"),
                    List.of(), 0, (n, c) -> { }, change -> { })).isInstanceOf(SealBroken.class)
                    .hasMessageContaining("altered");
        } finally {
            jdbc.sql("update lake_ds_" + datasetId + " set c_xm = ? where record_key = ?").params(sealed, key).update();
        }
    }

    @Test
    void anAlteredSealedValueIsReportedNotAnswered() {
        // a person no other test's dataset holds, so that no comparison of datasets can copy the altered value into
        // a discrepancy, where it would stay after this test (a key rotation elsewhere could not re-seal it)
        String alone = cn.govdata.support.IdNumbers.of("370602", "19510101", String.format("%03d",
                (int) (System.nanoTime() % 1000)));
        upload("公民身份号码,姓名,户籍地\n" + alone + ",张三,370602\n");
        String sealed = jdbc.sql("select c_xm from lake_ds_" + datasetId).query(String.class).single();
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':') + 1));
        bytes[bytes.length - 1] ^= 1;
        String altered = sealed.substring(0, sealed.indexOf(':') + 1) + java.util.Base64.getEncoder().encodeToString(bytes);
        jdbc.sql("update lake_ds_" + datasetId + " set c_xm = ?").param(altered).update();

        try {
            Api.Response records = provider.get("/api/v1/lake/datasets/" + datasetId + "/records");
            assertThat(records.status()).isEqualTo(500);
            assertThat(records.code()).isEqualTo("INTERNAL_ERROR");
            assertThat(records.body()).doesNotContain(alone);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lakeRecords.query(source(), List.of("xm"),
                    List.of(), 0, 10)).isInstanceOf(SealBroken.class).hasMessageContaining("altered");
        } finally {
            // restored, so that a key rotation in another test of this context can re-seal it
            jdbc.sql("update lake_ds_" + datasetId + " set c_xm = ?").param(sealed).update();
        }
        assertThat(provider.get("/api/v1/lake/datasets/" + datasetId + "/records").body()).contains("张三");
    }

    @Test
    void aCatalogVersionThatMakesAnItemPersonalOrNotSealsOrOpensItsColumn() throws InterruptedException {
        upload("公民身份号码,姓名,户籍地\n" + ZHANG + ",张三,370602\n" + LI + ",李四,370603\n");
        JsonNode entry = editor.api().get("/api/v1/catalog/entries/" + entryId).json();
        Map<String, Object> content = content(entry.get("published").get("content").get("name").asString());
        content.put("dataItems", List.of(
                item("gmsfhm", "公民身份号码", "CHARACTER", 18, true, true, "GB 11643", "PERSONAL_INFORMATION"),
                item("xm", "姓名", "CHARACTER", 50, true, false, null, "NONE"),
                item("hjd", "户籍地", "CHARACTER", 6, false, false, null, "SENSITIVE_PERSONAL_INFORMATION")));
        Api.Response saved = editor.api().put("/api/v1/catalog/entries/" + entryId,
                Map.of("content", content, "revision", entry.get("latest").get("revision").asInt()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(editor.api().post("/api/v1/catalog/entries/" + entryId + "/submit", Map.of()).status()).isEqualTo(200);
        Api.Response published = reviewer.post("/api/v1/catalog/entries/" + entryId + "/publish", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (jdbc.sql("select schema_version from lake_dataset where id = ?").param(datasetId).query(Integer.class)
                .single() < 2) {
            assertThat(System.nanoTime()).as("the dataset followed the publication within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(stored("c_xm")).containsExactlyInAnyOrder("张三", "李四");
        assertThat(stored("c_hjd")).hasSize(2).allMatch(v -> v.matches("[0-9]+:[A-Za-z0-9+/=]+"));
        LakeRecords.Source source = source();
        assertThat(source.sealedItems()).containsExactlyInAnyOrder("gmsfhm", "hjd");
        assertThat(lakeRecords.query(source, List.of("xm", "hjd"), List.of(new Condition("hjd", Match.EQUALS,
                "370603")), 0, 10).rows()).extracting(r -> r.values().get("xm")).containsExactly("李四");
    }

    private Api system(long departmentId) {
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", departmentId, "name", "救助业务系统"));
        String basic = java.util.Base64.getEncoder().encodeToString((registered.text("clientId") + ":"
                + registered.text("clientSecret")).getBytes(StandardCharsets.UTF_8));
        Api.Response token = anonymous.postForm("/oauth2/token", "grant_type=client_credentials",
                "Authorization", "Basic " + basic);
        return anonymous.withToken(token.text("access_token"));
    }
}

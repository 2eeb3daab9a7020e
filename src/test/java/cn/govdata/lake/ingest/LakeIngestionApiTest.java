package cn.govdata.lake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.lake.LakeRecords;
import cn.govdata.lake.quality.IdNumber;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Bulk ingestion through the HTTP API (AGG-1, AGG-2, AGG-4, AGG-7): a data provider creates the dataset of a
 * published entry, uploads files (GBK CSV among them), gets a quality report and the rejected rows, and reads
 * the records now and as they were; nothing is applied from a refused batch, and an interrupted one leaves the
 * dataset as it was.
 */
public class LakeIngestionApiTest extends CatalogFixtures {

    private static final Charset GBK = Charset.forName("GBK");

    @Autowired
    private LakeRecovery recovery;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private LakeRecords lakeRecords;

    @Autowired
    private cn.govdata.lake.sealing.SealedValues sealing;

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
                item("csrq", "出生日期", "DATE", null, false, false, null, "PERSONAL_INFORMATION")));
        entryId = published(editor, content).id();
        Api.Response created = provider.post("/api/v1/lake/datasets", Map.of("entryId", entryId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        datasetId = created.id();
    }

    public static String id(String birth, String sequence) {
        String first17 = "370602" + birth + sequence;
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static final String ZHANG = id("19800101", "123");
    private static final String LI = id("19921231", "456");
    private static final String WANG = id("20010615", "789");

    private Api.Response upload(String csv, Charset charset, String... params) {
        String query = "?wait=true" + (params.length == 0 ? "" : "&" + String.join("&", params));
        return provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches" + query, "file", "低保.csv", "text/csv",
                csv.getBytes(charset));
    }

    private JsonNode records(String query) {
        Api.Response records = provider.get("/api/v1/lake/datasets/" + datasetId + "/records" + query);
        assertThat(records.status()).as(records.body()).isEqualTo(200);
        return records.json();
    }

    @Test
    void aBatchWithABadRowIsRefusedWholeAndReportsTheRowWithoutThePersonalValue() {
        String broken = ZHANG.substring(0, 17) + (ZHANG.charAt(17) == '1' ? '2' : '1');
        Api.Response refused = upload("公民身份号码,姓名,出生日期\n" + ZHANG + ",张三,1980-01-01\n" + broken + ",李四,1992-12-31\n"
                + WANG + ",王五,2001/06/15\n", GBK);
        assertThat(refused.status()).as(refused.body()).isEqualTo(201);
        assertThat(refused.text("status")).isEqualTo("REFUSED");
        assertThat(refused.json().get("rowsRead").asLong()).isEqualTo(3);
        assertThat(refused.json().get("rowsRejected").asLong()).isEqualTo(1);
        assertThat(refused.json().get("failuresByRule").get("ID_NUMBER_CHECK_DIGIT").asLong()).isEqualTo(1);
        JsonNode sample = refused.json().get("sample").get(0);
        assertThat(sample.get("row").asLong()).isEqualTo(3);
        assertThat(sample.get("item").asString()).isEqualTo("gmsfhm");
        assertThat(sample.get("reason").asString()).isEqualTo("校验码不符（ISO 7064 MOD 11-2）（3706**********"
                + broken.substring(14) + "）");
        assertThat(refused.body()).doesNotContain(broken);
        assertThat(records("").get("total").asLong()).isZero();

        Api.Download rejected = provider.download("/api/v1/lake/datasets/" + datasetId + "/batches/"
                + refused.id() + "/rejected.csv");
        assertThat(rejected.status()).isEqualTo(200);
        String text = new String(rejected.body(), StandardCharsets.UTF_8);
        // the rows as sent (the department's own data, for the department's provider), the clerk's headers, and why
        assertThat(text).startsWith("\uFEFF公民身份号码,姓名,出生日期,未入库原因\r\n")
                .contains(broken + ",李四,1992-12-31,第3行：公民身份号码：校验码不符").doesNotContain(ZHANG, WANG);
        assertThat(text.lines().count()).isEqualTo(2);
        assertThat(refused.json().get("encoding").asString()).as("the encoding detected").isEqualTo("GB18030");
        assertThat(refused.text("message")).isEqualTo("有不合格的行，整批未入库。请下载被拒收的行，改正后重新上传。");

        Api.Response partial = upload("公民身份号码,姓名,出生日期\n" + ZHANG + ",张三,1980-01-01\n" + broken + ",李四,1992-12-31\n",
                GBK, "acceptValid=true");
        assertThat(partial.text("status")).isEqualTo("APPLIED");
        assertThat(partial.json().get("rowsAccepted").asLong()).isEqualTo(1);
        // half the rows valid, every accepted value filled, no repeated key, delivered on time
        JsonNode quality = partial.json().get("quality");
        assertThat(quality.get("validity").asDouble()).isEqualTo(0.5);
        assertThat(quality.get("completeness").asDouble()).isEqualTo(1.0);
        assertThat(quality.get("uniqueness").asDouble()).isEqualTo(1.0);
        assertThat(quality.get("timeliness").asDouble()).isEqualTo(1.0);
        JsonNode overTime = provider.get("/api/v1/lake/datasets/" + datasetId + "/quality").json();
        assertThat(overTime.size()).isEqualTo(2);  // the refused delivery counts too: 2 of 3 rows valid
        assertThat(overTime.get(0).get("quality").get("validity").asDouble()).isEqualTo(0.6667);
        assertThat(overTime.get(1).get("overall").asDouble()).isEqualTo(0.875);
        assertThat(records("").get("records").get(0).get("xm").asString()).isEqualTo("张三");
    }

    @Test
    void recordsShowWhatTheirCodesMeanByTheItemsValueStandards() {
        Map<String, Object> content = content("人员民族信息" + unique());
        content.put("dataItems", List.of(
                item("gmsfhm", "公民身份号码", "CHARACTER", 18, true, true, "GB 11643", "PERSONAL_INFORMATION"),
                item("xb", "性别", "CHARACTER", 1, true, false, "GB/T 2261.1-2003", "PERSONAL_INFORMATION"),
                item("mz", "民族", "CHARACTER", 2, false, false, "GB 3304", "PERSONAL_INFORMATION"),
                item("hjd", "户籍地", "CHARACTER", 6, false, false, "GB/T 2260", "NONE")));
        long entry = published(editor, content).id();
        long dataset = provider.post("/api/v1/lake/datasets", Map.of("entryId", entry)).id();
        Api.Response applied = provider.upload("/api/v1/lake/datasets/" + dataset + "/batches?wait=true", "file",
                "民族.csv", "text/csv", ("公民身份号码,性别,民族,户籍地\n" + ZHANG + ",1,01,370602\n" + LI + ",2,10,\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(applied.text("status")).as(applied.body()).isEqualTo("APPLIED");

        JsonNode page = provider.get("/api/v1/lake/datasets/" + dataset + "/records").json();
        // records come in the order of their stored keys: here keyed digests of the ID numbers (lake.sealing)
        JsonNode zhang = page.get("records").get(0).get("gmsfhm").asString().equals(ZHANG) ? page.get("records").get(0)
                : page.get("records").get(1);
        assertThat(zhang.get("gmsfhm").asString()).isEqualTo(ZHANG);
        assertThat(zhang.get("xb").asString()).as("the value as stored").isEqualTo("1");
        JsonNode meanings = page.get("meanings");
        assertThat(meanings.get("xb").get("1").asString()).isEqualTo("男性");
        assertThat(meanings.get("xb").get("2").asString()).isEqualTo("女性");
        assertThat(meanings.get("mz").get("01").asString()).isEqualTo("汉族");
        assertThat(meanings.get("mz").get("10").asString()).isEqualTo("朝鲜族");
        assertThat(meanings.get("hjd").get("370602").asString()).isEqualTo("山东省烟台市芝罘区");
        assertThat(meanings.has("gmsfhm")).as("an ID number is not a code").isFalse();
        JsonNode english = provider.inLanguage("en").get("/api/v1/lake/datasets/" + dataset + "/records").json();
        assertThat(english.get("meanings").get("xb").get("1").asString()).isEqualTo("Male");
        assertThat(english.get("meanings").get("mz").get("10").asString()).isEqualTo("Chosen");
    }

    @Test
    void theRejectedRowsCorrectedAndSentBackAreLoaded() {
        String broken = ZHANG.substring(0, 17) + (ZHANG.charAt(17) == '1' ? '2' : '1');
        // a value that starts like a formula comes back defused, and is loaded as it was sent
        Api.Response refused = upload("公民身份号码,姓名\n" + LI + ",李四\n" + broken + ",-张三\n"
                + WANG + ",\n", StandardCharsets.UTF_8);
        assertThat(refused.text("status")).as(refused.body()).isEqualTo("REFUSED");
        assertThat(refused.text("encoding")).as("the encoding detected").isEqualTo("UTF-8");
        String rejected = rejectedCsv(provider, refused.id());
        assertThat(rejected).startsWith("\uFEFF公民身份号码,姓名,未入库原因\r\n").doesNotContain(LI)
                .contains(broken + ",\"'-张三\",第3行：公民身份号码：校验码不符", WANG + ",,第4行：姓名：");

        // the clerk corrects the ID number and fills the name, and uploads the file as it is
        String corrected = rejected.replace(broken, ZHANG).replace(WANG + ",,", WANG + ",王五,");
        Api.Response again = provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches?wait=true", "file",
                "低保-改正.csv", "text/csv", corrected.getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.text("status")).as(again.body()).isEqualTo("APPLIED");
        assertThat(again.json().get("rowsAccepted").asLong()).isEqualTo(2);
        assertThat(records("?key=" + ZHANG).get("records").get(0).get("xm").asString()).isEqualTo("-张三");
        assertThat(records("").get("total").asLong()).isEqualTo(2);

        // only the providing department reads the rows as sent, and each download is audited
        Api outsider = newUser(admin, newDepartment(admin, "旁观局").id(), Role.DATA_PROVIDER).api();
        assertThat(outsider.download("/api/v1/lake/datasets/" + datasetId + "/batches/" + refused.id() + "/rejected.csv")
                .status()).isIn(403, 404);
        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        JsonNode audited = auditor.get("/api/v1/audit?action=lake.batch.rejected-rows&objectType=dataset&objectId="
                + datasetId).json();
        assertThat(audited.get("total").asLong()).isEqualTo(1);
    }

    private static String firstReason(Api.Response report) {
        assertThat(report.status()).as(report.body()).isIn(200, 201);
        return report.json().get("sample").get(0).get("reason").asString();
    }

    private String rejectedCsv(Api api, long batchId) {
        Api.Download csv = api.download("/api/v1/lake/datasets/" + datasetId + "/batches/" + batchId + "/rejected.csv");
        assertThat(csv.status()).isEqualTo(200);
        return csv.text();
    }

    @Test
    void aReportReadsInTheReadersLanguageAndItsRejectedRowsInTheSubmitters() {
        String broken = ZHANG.substring(0, 17) + (ZHANG.charAt(17) == '1' ? '2' : '1');
        String masked = "3706**********" + broken.substring(14);
        String chinese = "校验码不符（ISO 7064 MOD 11-2）（" + masked + "）";
        String english = "the check digit does not match (ISO 7064 MOD 11-2) (" + masked + ")";
        // submitted by a Chinese console (the default); row 3's birth date is not the one in LI's ID number
        Api.Response refused = upload("gmsfhm,xm,csrq\n" + broken + ",张三,\n" + LI + ",李四,1992-12-30\n",
                StandardCharsets.UTF_8);
        assertThat(refused.text("status")).isEqualTo("REFUSED");
        String report = "/api/v1/lake/datasets/" + datasetId + "/batches/" + refused.id();

        JsonNode inChinese = provider.inLanguage("zh-CN").get(report).json().get("sample");
        assertThat(inChinese.get(0).get("reason").asString()).isEqualTo(chinese);
        assertThat(inChinese.get(1).get("reason").asString()).isEqualTo("出生日期与公民身份号码中的出生日期不一致（19******30）");
        JsonNode inEnglish = provider.inLanguage("en").get(report).json().get("sample");
        assertThat(inEnglish.get(0).get("reason").asString()).isEqualTo(english);
        assertThat(inEnglish.get(1).get("reason").asString())
                .isEqualTo("the birth date is not the one in the ID number gmsfhm (19******30)");
        assertThat(inEnglish.get(1).get("item").asString()).as("items keep their identifiers").isEqualTo("csrq");
        assertThat(firstReason(provider.inLanguage("en-US,en;q=0.9").get(report))).isEqualTo(english);
        assertThat(provider.inLanguage("en").get("/api/v1/lake/datasets/" + datasetId + "/batches").json()
                .get(0).get("sample").get(0).get("reason").asString()).isEqualTo(english);

        // the rejected rows were written in the submitter's language, whoever downloads them
        assertThat(rejectedCsv(provider.inLanguage("en"), refused.id()))
                .contains("gmsfhm,xm,csrq,未入库原因", broken + ",张三,,第2行：公民身份号码：" + chinese,
                        LI + ",李四,1992-12-30,第3行：出生日期：出生日期与公民身份号码中的出生日期不一致（19******30）");
        Api.Response submittedInEnglish = provider.inLanguage("en").upload("/api/v1/lake/datasets/" + datasetId
                + "/batches?wait=true", "file", "低保.csv", "text/csv",
                ("gmsfhm,xm\n" + ZHANG + ",张三\n" + broken + ",李四\n").getBytes(StandardCharsets.UTF_8));
        assertThat(firstReason(submittedInEnglish)).isEqualTo(english);
        assertThat(rejectedCsv(provider, submittedInEnglish.id()))
                .contains("gmsfhm,xm,Why it was not loaded", broken + ",李四,Row 3: 公民身份号码: " + english)
                .doesNotContain("校验码");

        // a report stored before reasons were messages still reads, as it was written
        String legacy = "the check digit does not match (" + masked + ")";
        jdbc.sql("update lake_batch set failures_by_rule = ? where id = ?")
                .params("{\"counts\":{\"ID_NUMBER_CHECK_DIGIT\":1},\"sample\":[{\"row\":3,\"item\":\"gmsfhm\","
                        + "\"rule\":\"ID_NUMBER_CHECK_DIGIT\",\"reason\":\"" + legacy + "\"}]}", refused.id())
                .update();
        assertThat(firstReason(provider.get(report))).isEqualTo(legacy);
        assertThat(firstReason(provider.inLanguage("en").get(report))).isEqualTo(legacy);
    }

    @Test
    void recordsKeepTheirHistoryAndAnyPastStateCanBeRead() throws InterruptedException {
        String file = "gmsfhm,xm\n" + ZHANG + ",张三\n" + LI + ",李四\n";
        Api.Response first = upload(file, StandardCharsets.UTF_8);
        assertThat(first.text("status")).isEqualTo("APPLIED");
        // the report says how much of the file was read, all of it once the batch is over
        long size = file.getBytes(StandardCharsets.UTF_8).length;
        assertThat(first.json().get("bytesTotal").asLong()).isEqualTo(size);
        assertThat(first.json().get("bytesRead").asLong()).isEqualTo(size);
        assertThat(first.json().get("startedAt").isNull()).isFalse();
        assertThat(first.text("secondsLeft")).isNull();
        Thread.sleep(20);
        OffsetDateTime before = OffsetDateTime.now();
        Thread.sleep(20);
        Api.Response changed = upload("gmsfhm,xm\n" + LI + ",李思\n", StandardCharsets.UTF_8);
        assertThat(changed.text("status")).isEqualTo("APPLIED");

        JsonNode now = records("?key=" + LI);
        assertThat(now.get("records").get(0).get("xm").asString()).isEqualTo("李思");
        JsonNode then = records("?key=" + LI + "&asOf=" + before);
        assertThat(then.get("records").get(0).get("xm").asString()).isEqualTo("李四");
        assertThat(records("").get("total").asLong()).isEqualTo(2);
        assertThat(provider.get("/api/v1/lake/datasets/" + datasetId).json().get("recordCount").asLong()).isEqualTo(2);
    }

    @Test
    void aFullReplaceMustBeConfirmedAndLeavesTombstonesNotGaps() throws InterruptedException {
        upload("gmsfhm,xm\n" + ZHANG + ",张三\n" + LI + ",李四\n", StandardCharsets.UTF_8);
        Api.Response unconfirmed = upload("gmsfhm,xm\n" + ZHANG + ",张三\n", StandardCharsets.UTF_8, "mode=REPLACE");
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.code()).isEqualTo("REPLACE_NOT_CONFIRMED");
        Thread.sleep(20);
        OffsetDateTime before = OffsetDateTime.now();
        Thread.sleep(20);
        Api.Response replaced = upload("gmsfhm,xm\n" + ZHANG + ",张三\n", StandardCharsets.UTF_8, "mode=REPLACE",
                "confirmReplace=true");
        assertThat(replaced.text("status")).isEqualTo("APPLIED");
        assertThat(replaced.json().get("recordsTombstoned").asLong()).isEqualTo(1);
        assertThat(records("").get("total").asLong()).isEqualTo(1);
        assertThat(records("?key=" + LI).get("total").asLong()).isZero();
        assertThat(records("?key=" + LI + "&asOf=" + before).get("records").get(0).get("xm").asString())
                .isEqualTo("李四");
    }

    @Test
    void duplicateKeysUnknownColumnsAndStrangersAreRefusedClearly() {
        Api.Response duplicate = upload("gmsfhm,xm\n" + ZHANG + ",张三\n" + ZHANG + ",张叁\n", StandardCharsets.UTF_8);
        assertThat(duplicate.text("status")).isEqualTo("REFUSED");
        assertThat(duplicate.json().get("failuresByRule").get("DUPLICATE_KEY").asLong()).isEqualTo(1);
        assertThat(duplicate.json().get("sample").get(0).get("reason").asString()).isEqualTo("主键与第 2 行相同");

        int batches = provider.get("/api/v1/lake/datasets/" + datasetId + "/batches").json().size();
        Api.Response columns = upload("gmsfhm,婚姻状况\n" + ZHANG + ",已婚\n", StandardCharsets.UTF_8);
        assertThat(columns.status()).isEqualTo(400);
        assertThat(columns.code()).isEqualTo("DATA_FILE_COLUMNS");
        assertThat(columns.json().get("detail").asString()).contains("婚姻状况");
        // refused before a batch was started
        assertThat(provider.get("/api/v1/lake/datasets/" + datasetId + "/batches").json().size()).isEqualTo(batches);

        Api stranger = newUser(admin, newDepartment(admin, "教育局").id(), Role.DATA_PROVIDER).api();
        assertThat(stranger.get("/api/v1/lake/datasets/" + datasetId + "/records").status()).isEqualTo(404);
        assertThat(stranger.upload("/api/v1/lake/datasets/" + datasetId + "/batches", "file", "x.csv", "text/csv",
                "gmsfhm,xm\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
        assertThat(editor.api().upload("/api/v1/lake/datasets/" + datasetId + "/batches", "file", "x.csv", "text/csv",
                "gmsfhm,xm\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    }

    @Test
    void aBatchInterruptedBeforeItWasAppliedLeavesTheDatasetAsItWas() {
        upload("gmsfhm,xm\n" + ZHANG + ",张三\n", StandardCharsets.UTF_8);
        String table = jdbc.sql("select table_name from lake_dataset where id = ?").param(datasetId).query(String.class)
                .single();
        // a process killed while staging: the batch is RUNNING and some rows are staged, none applied
        long batch = jdbc.sql("""
                insert into lake_batch (dataset_id, kind, mode, accept_valid, status, department_id, created_by, created_at)
                values (?, 'FILE', 'REPLACE', false, 'RUNNING', ?, 'test', ?)""")
                .params(datasetId, editor.department().id(), OffsetDateTime.now()).update() > 0
                        ? jdbc.sql("select max(id) from lake_batch").query(Long.class).single() : 0;
        jdbc.sql("insert into " + table + "_s (batch_id, row_number, record_key, c_gmsfhm, c_xm) values (?, 1, ?, ?, ?)")
                .params(batch, LI, LI, "李四").update();

        recovery.run(null);

        assertThat(jdbc.sql("select count(*) from " + table + "_s").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select status from lake_batch where id = ?").param(batch).query(String.class).single())
                .isEqualTo("FAILED");
        JsonNode now = records("");
        assertThat(now.get("total").asLong()).isEqualTo(1);
        assertThat(now.get("records").get(0).get("xm").asString()).isEqualTo("张三");
    }

    @Test
    void aLargeFileRunsInTheBackgroundShowsProgressAndCanBeCancelledWithNothingApplied() throws InterruptedException {
        StringBuilder csv = new StringBuilder("gmsfhm,xm\n");
        for (int i = 0; i < 300_000; i++) {
            csv.append(id("1985" + String.format("%02d%02d", 1 + i % 12, 1 + i % 28), String.format("%03d", i % 1000)))
                    .append(',').append("居民").append(i).append('\n');
        }
        Api.Response started = provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches?acceptValid=true",
                "file", "big.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.text("status")).isEqualTo("RUNNING");
        String batch = "/api/v1/lake/datasets/" + datasetId + "/batches/" + started.id();
        Api.Response cancel = provider.post(batch + "/cancel", Map.of());
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        JsonNode report = provider.get(batch).json();
        for (int i = 0; i < 400 && report.get("status").asString().equals("RUNNING"); i++) {
            Thread.sleep(50);
            report = provider.get(batch).json();
        }
        assertThat(report.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(report.get("rowsRead").asLong()).isLessThan(300_000);
        assertThat(records("").get("total").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from lake_ds_" + datasetId + "_s").query(Long.class).single()).isZero();
        assertThat(provider.post(batch + "/cancel", Map.of()).code()).isEqualTo("INVALID_STATE");
    }

    private Api system(long departmentId) {
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", departmentId, "name", "救助业务系统"));
        String basic = java.util.Base64.getEncoder().encodeToString((registered.text("clientId") + ":"
                + registered.text("clientSecret")).getBytes(StandardCharsets.UTF_8));
        Api.Response token = anonymous.postForm("/oauth2/token", "grant_type=client_credentials",
                "Authorization", "Basic " + basic);
        return anonymous.withToken(token.text("access_token"));
    }

    @Test
    void aSystemPushesRecordsAndARetriedRequestIsNeverAppliedTwice() {
        Api system = system(editor.department().id());
        String path = "/api/v1/lake/datasets/" + datasetId + "/records";
        Map<String, Object> body = Map.of("requestId", "req-" + unique(), "records", List.of(
                Map.of("gmsfhm", ZHANG, "xm", "张三"), Map.of("gmsfhm", LI, "xm", "李四", "csrq", "1992-12-31")));
        Api.Response first = system.post(path, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("replayed").asBoolean()).isFalse();
        assertThat(first.json().get("batch").get("status").asString()).isEqualTo("APPLIED");
        Api.Response retry = system.post(path, body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("replayed").asBoolean()).isTrue();
        assertThat(retry.json().get("batch").get("id").asLong()).isEqualTo(first.json().get("batch").get("id").asLong());
        assertThat(records("").get("total").asLong()).isEqualTo(2);
        assertThat(provider.get("/api/v1/lake/datasets/" + datasetId + "/batches").json().size()).isEqualTo(1);

        String broken = WANG.substring(0, 17) + (WANG.charAt(17) == '1' ? '2' : '1');
        Api.Response refused = system.post(path, Map.of("requestId", "req-" + unique(), "records", List.of(
                Map.of("gmsfhm", WANG, "xm", "王五"), Map.of("gmsfhm", broken, "xm", "赵六", "hyzk", "已婚"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("PUSH_REFUSED");
        assertThat(Api.texts(refused.json().get("errors"), "location"))
                .containsExactlyInAnyOrder("records[1].gmsfhm", "records[1].hyzk");
        assertThat(refused.json().get("errors").toString()).contains("ID_NUMBER_CHECK_DIGIT").doesNotContain(broken);
        String masked = "3706**********" + broken.substring(14);
        assertThat(pushError(refused, "records[1].gmsfhm"))
                .isEqualTo("ID_NUMBER_CHECK_DIGIT：校验码不符（ISO 7064 MOD 11-2）（" + masked + "）");
        Api.Response refusedInEnglish = system.inLanguage("en").post(path, Map.of("requestId", "req-" + unique(),
                "records", List.of(Map.of("gmsfhm", broken, "xm", "赵六"))));
        assertThat(pushError(refusedInEnglish, "records[0].gmsfhm"))
                .isEqualTo("ID_NUMBER_CHECK_DIGIT: the check digit does not match (ISO 7064 MOD 11-2) (" + masked + ")");
        assertThat(records("").get("total").asLong()).isEqualTo(2);

        Api stranger = system(newDepartment(admin, "教育局").id());
        assertThat(stranger.post(path, body).status()).isEqualTo(404);
        assertThat(system.post(path, Map.of("records", List.of(Map.of("gmsfhm", ZHANG)))).code())
                .isEqualTo("FIELD_REQUIRED");
    }

    private static String pushError(Api.Response refused, String location) {
        assertThat(refused.code()).as(refused.body()).isEqualTo("PUSH_REFUSED");
        for (JsonNode error : refused.json().get("errors")) {
            if (error.get("location").asString().equals(location)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("no error at " + location + " in " + refused.body());
    }

    @Test
    void aDatasetLateAgainstItsCycleIsOverdueUntilTheAuthorityAcceptsAnAgreedPeriod() {
        upload("gmsfhm,xm\n" + ZHANG + ",张三\n", StandardCharsets.UTF_8);
        JsonNode fresh = statusOf(provider);
        assertThat(fresh.get("updateCycle").asString()).isEqualTo("DAILY");
        assertThat(fresh.get("overdue").asBoolean()).isFalse();
        // the last success was twelve days ago: a daily dataset is overdue
        jdbc.sql("update lake_dataset set last_success_at = ? where id = ?")
                .params(OffsetDateTime.now().minusDays(12), datasetId).update();
        assertThat(statusOf(provider).get("overdue").asBoolean()).isTrue();
        assertThat(statusOf(reviewer).get("overdue").asBoolean()).isTrue();

        Api.Response filed = provider.post("/api/v1/lake/datasets/" + datasetId + "/cycle-exceptions",
                Map.of("agreedDays", 30, "reason", "业务系统按月批量产生数据，无法每日归集"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.text("status")).isEqualTo("FILED");
        assertThat(statusOf(provider).get("overdue").asBoolean()).isTrue();
        assertThat(provider.post("/api/v1/lake/cycle-exceptions/" + filed.id() + "/decide", Map.of("accept", true))
                .status()).isEqualTo(403);
        Api.Response accepted = reviewer.post("/api/v1/lake/cycle-exceptions/" + filed.id() + "/decide",
                Map.of("accept", true, "note", "同意按月归集"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode agreed = statusOf(provider);
        assertThat(agreed.get("agreedDays").asInt()).isEqualTo(30);
        assertThat(agreed.get("overdue").asBoolean()).isFalse();
        assertThat(reviewer.post("/api/v1/lake/cycle-exceptions/" + filed.id() + "/decide", Map.of("accept", false))
                .code()).isEqualTo("INVALID_STATE");
    }

    private JsonNode statusOf(Api api) {
        for (JsonNode status : api.get("/api/v1/lake/status").json()) {
            if (status.get("datasetId").asLong() == datasetId) {
                return status;
            }
        }
        throw new AssertionError("dataset " + datasetId + " not in the status list");
    }

    /** Drafts, submits and tries to publish a new version of the entry with the given data items. */
    private Api.Response publishItems(List<Map<String, Object>> items) {
        JsonNode entry = editor.api().get("/api/v1/catalog/entries/" + entryId).json();
        Map<String, Object> content = content(entry.get("published").get("content").get("name").asString());
        content.put("dataItems", items);
        Api.Response saved = editor.api().put("/api/v1/catalog/entries/" + entryId,
                Map.of("content", content, "revision", entry.get("latest").get("revision").asInt()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(editor.api().post("/api/v1/catalog/entries/" + entryId + "/submit", Map.of()).status()).isEqualTo(200);
        return reviewer.post("/api/v1/catalog/entries/" + entryId + "/publish", Map.of());
    }

    @Test
    void aNewCatalogVersionMigratesTheDatasetButNeverOneThatWouldLoseData() throws InterruptedException {
        upload("gmsfhm,xm,csrq\n" + ZHANG + ",张三,1980-01-01\n", StandardCharsets.UTF_8);
        // sharing reads the dataset's layout from a cache, filled here
        assertThat(lakeRecords.forReading(entryId).orElseThrow().items()).containsExactly("gmsfhm", "xm", "csrq");
        Map<String, Object> id = item("gmsfhm", "公民身份号码", "CHARACTER", 18, true, true, "GB 11643", "PERSONAL_INFORMATION");

        // 姓名 as an integer would not fit 张三: the publication is refused and the version goes back to the editor
        Api.Response refused = publishItems(List.of(id, item("xm", "姓名", "INTEGER", null, true, false, null, "NONE")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("PUBLICATION_REFUSED");
        assertThat(Api.texts(refused.json().get("errors"), "code")).containsExactly("DATA_ITEM_CHANGE_LOSES_DATA");
        assertThat(editor.api().post("/api/v1/catalog/entries/" + entryId + "/withdraw", Map.of()).status()).isEqualTo(200);

        // a new item is added and 出生日期 retired: the dataset follows, the old values stay in the history
        Api.Response published = publishItems(List.of(id, item("xm", "姓名", "CHARACTER", 50, true, false, null, "NONE"),
                item("lxdh", "联系电话", "CHARACTER", 20, false, false, null, "PERSONAL_INFORMATION")));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        // the lake reacts to the publication itself (an event between modules), not only at the dataset's next use
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (jdbc.sql("select schema_version from lake_dataset where id = ?").param(datasetId).query(Integer.class)
                .single() < 2) {
            assertThat(System.nanoTime()).as("the dataset followed the publication within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        JsonNode dataset = provider.get("/api/v1/lake/datasets/" + datasetId).json();
        assertThat(dataset.get("schemaVersion").asInt()).isEqualTo(2);
        // the dataset following its entry drops the cached layout at once, rather than when it expires
        assertThat(lakeRecords.forReading(entryId).orElseThrow().items()).containsExactly("gmsfhm", "xm", "lxdh");
        assertThat(dataset.get("columns").toString()).contains("\"itemName\":\"lxdh\"");
        for (JsonNode column : dataset.get("columns")) {
            assertThat(column.get("retired").asBoolean()).as(column.toString())
                    .isEqualTo(column.get("itemName").asString().equals("csrq"));
        }
        Api.Response upload = upload("gmsfhm,xm,lxdh\n" + LI + ",李四,0535-6200000\n", StandardCharsets.UTF_8);
        assertThat(upload.text("status")).as(upload.body()).isEqualTo("APPLIED");
        assertThat(records("?key=" + LI).get("records").get(0).get("lxdh").asString()).isEqualTo("0535-6200000");

        Api.Response key = publishItems(List.of(item("gmsfhm", "公民身份号码", "CHARACTER", 18, true, false, "GB 11643", "NONE"),
                item("xm", "姓名", "CHARACTER", 50, true, true, null, "NONE")));
        assertThat(key.status()).isEqualTo(409);
        assertThat(Api.texts(key.json().get("errors"), "code")).contains("RECORD_KEY_CHANGED");
    }

    @Test
    void aPurchaseIsFiledWithWhatThePlatformAlreadyHoldsAndDecidedByTheAuthority() {
        Api.Response filed = provider.post("/api/v1/lake/purchases", Map.of("supplier", "某数据服务有限公司",
                "description", "采购低收入人口的消费数据用于救助对象认定", "items", List.of("公民身份号码", "月消费金额", "姓名")));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.text("status")).isEqualTo("FILED");
        JsonNode held = null;
        for (JsonNode match : filed.json().get("alreadyHeld")) {
            if (match.get("entryId").asLong() == entryId) {
                held = match;
            }
        }
        assertThat(held).as("the entry of this dataset holds 公民身份号码 and 姓名").isNotNull();
        assertThat(held.get("items").toString()).contains("公民身份号码", "姓名").doesNotContain("月消费金额");

        assertThat(provider.post("/api/v1/lake/purchases/" + filed.id() + "/decide", Map.of("approve", true)).status())
                .isEqualTo(403);
        assertThat(reviewer.post("/api/v1/lake/purchases/" + filed.id() + "/decide", Map.of("approve", false)).code())
                .isEqualTo("FIELD_REQUIRED");
        Api.Response rejected = reviewer.post("/api/v1/lake/purchases/" + filed.id() + "/decide",
                Map.of("approve", false, "note", "身份信息平台已有，请通过共享获取；仅可采购消费数据"));
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(Api.texts(reviewer.get("/api/v1/lake/purchases").json(), "status")).contains("REJECTED");
        assertThat(provider.post("/api/v1/lake/purchases", Map.of("supplier", "x", "description", "y", "items", List.of()))
                .code()).isEqualTo("FIELD_REQUIRED");
    }

    /** Versions in the history; a record key given as a parameter is looked up in its stored form (a digest). */
    private long history(String condition, Object... params) {
        Object[] stored = java.util.Arrays.stream(params)
                .map(p -> condition.contains("record_key = ?") ? sealing.lookupKey((String) p) : p).toArray();
        return jdbc.sql("select count(*) from lake_ds_" + datasetId + "_h where " + condition).params(stored)
                .query(Long.class).single();
    }

    @Test
    void theHistoryKeepsEveryEndedVersionThroughAFirstLoadAnUpsertAReplaceAndAReturn() throws InterruptedException {
        // a first load into the empty dataset: the records are current, nothing has ended yet
        assertThat(upload("gmsfhm,xm\n" + ZHANG + ",张三\n" + LI + ",李四\n", StandardCharsets.UTF_8).text("status"))
                .isEqualTo("APPLIED");
        assertThat(history("1 = 1")).isZero();
        assertThat(records("").get("total").asLong()).isEqualTo(2);
        OffsetDateTime afterFirst = pause();

        // the same keys again: LI's changed version replaces the old one, which moves to the history with the
        // time it ended; ZHANG, sent unchanged, keeps his version
        assertThat(upload("gmsfhm,xm\n" + ZHANG + ",张三\n" + LI + ",李思\n", StandardCharsets.UTF_8).text("status"))
                .isEqualTo("APPLIED");
        assertThat(history("1 = 1")).isEqualTo(1);
        assertThat(history("record_key = ? and valid_to is not null and not tombstone", LI)).isEqualTo(1);
        OffsetDateTime afterUpsert = pause();

        // a replace without LI: LI's version ends and an open tombstone says it was removed
        Api.Response replaced = upload("gmsfhm,xm\n" + ZHANG + ",张三\n", StandardCharsets.UTF_8, "mode=REPLACE",
                "confirmReplace=true");
        assertThat(replaced.json().get("recordsTombstoned").asLong()).isEqualTo(1);
        assertThat(history("record_key = ? and valid_to is null and tombstone", LI)).isEqualTo(1);
        assertThat(history("record_key = ?", LI)).isEqualTo(3);
        OffsetDateTime afterReplace = pause();

        // LI comes back: the tombstone ends, the new version is current
        assertThat(upload("gmsfhm,xm\n" + LI + ",李四\n", StandardCharsets.UTF_8).text("status")).isEqualTo("APPLIED");
        assertThat(history("record_key = ? and tombstone and valid_to is not null", LI)).isEqualTo(1);
        assertThat(history("valid_to is null")).isZero();
        assertThat(records("").get("total").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from lake_ds_" + datasetId + "_s").query(Long.class).single()).isZero();

        // every past state reads back as it was
        assertThat(nameOfLiAsOf(afterFirst)).isEqualTo("李四");
        assertThat(nameOfLiAsOf(afterUpsert)).isEqualTo("李思");
        assertThat(records("?key=" + LI + "&asOf=" + afterReplace).get("total").asLong()).isZero();
        assertThat(records("?asOf=" + afterReplace).get("total").asLong()).isEqualTo(1);
        assertThat(nameOfLiAsOf(OffsetDateTime.now())).isEqualTo("李四");
        assertThat(jdbc.sql("select record_count from lake_dataset where id = ?").param(datasetId).query(Long.class)
                .single()).isEqualTo(2);
    }

    private String nameOfLiAsOf(OffsetDateTime at) {
        return records("?key=" + LI + "&asOf=" + at).get("records").get(0).get("xm").asString();
    }

    /** A moment strictly between two batches. */
    private static OffsetDateTime pause() throws InterruptedException {
        Thread.sleep(15);
        OffsetDateTime at = OffsetDateTime.now();
        Thread.sleep(15);
        return at;
    }

    @Test
    void valuesWithSeparatorsBackslashesAndQuotesAreStoredAsSent() {
        String tricky = "李\\四\t\"甲\" \\N";
        String csv = "gmsfhm,xm\n" + ZHANG + ",\\N\n" + LI + ",\"" + tricky.replace("\"", "\"\"") + "\"\n";
        Api.Response applied = upload(csv, StandardCharsets.UTF_8);
        assertThat(applied.text("status")).as(applied.body()).isEqualTo("APPLIED");
        assertThat(records("?key=" + ZHANG).get("records").get(0).get("xm").asString()).isEqualTo("\\N");
        assertThat(records("?key=" + LI).get("records").get(0).get("xm").asString()).isEqualTo(tricky);
        assertThat(jdbc.sql("select count(*) from lake_ds_" + datasetId + " where c_csrq is null")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void applyingABatchLeavesTheStagedRowsOfAnotherBatchAlone() {
        long other = jdbc.sql("""
                insert into lake_batch (dataset_id, kind, mode, accept_valid, status, department_id, created_by, created_at)
                values (?, 'FILE', 'UPSERT', false, 'RUNNING', ?, 'test', ?)""")
                .params(datasetId, editor.department().id(), OffsetDateTime.now()).update() > 0
                        ? jdbc.sql("select max(id) from lake_batch").query(Long.class).single() : 0;
        jdbc.sql("insert into lake_ds_" + datasetId + "_s (batch_id, row_number, record_key, c_gmsfhm, c_xm) values (?, 1, ?, ?, ?)")
                .params(other, WANG, WANG, "王五").update();

        assertThat(upload("gmsfhm,xm\n" + ZHANG + ",张三\n", StandardCharsets.UTF_8).text("status")).isEqualTo("APPLIED");

        assertThat(jdbc.sql("select batch_id from lake_ds_" + datasetId + "_s").query(Long.class).list())
                .containsExactly(other);
        assertThat(records("").get("total").asLong()).isEqualTo(1);
        recovery.run(null);
    }

    @Test
    void extensionRulesAddChecksThatLaterDeliveriesMustPass() {
        String rules = "/api/v1/lake/datasets/" + datasetId + "/rules";
        Api.Response range = provider.post(rules, Map.of("item", "csrq", "kind", "DATE_RANGE",
                "params", Map.of("min", "1900-01-01", "max", "2010-12-31"), "description", "低保对象出生日期范围"));
        assertThat(range.status()).as(range.body()).isEqualTo(201);
        assertThat(provider.post(rules, Map.of("item", "xm", "kind", "PATTERN", "params", Map.of("pattern", "([a-z"),
                "description", "x")).code()).isEqualTo("INVALID_VALUE");
        assertThat(provider.post(rules, Map.of("item", "hyzk", "kind", "CODE_LIST", "params", Map.of("values", List.of("1")),
                "description", "x")).code()).isEqualTo("INVALID_VALUE");
        assertThat(editor.api().post(rules, Map.of("item", "csrq", "kind", "DATE_RANGE", "params", Map.of("min", "1900-01-01"),
                "description", "x")).status()).isEqualTo(403);

        Api.Response refused = upload("gmsfhm,xm,csrq\n" + ZHANG + ",张三,1980-01-01\n" + WANG + ",王五,2015-06-15\n",
                StandardCharsets.UTF_8);
        assertThat(refused.text("status")).isEqualTo("REFUSED");
        assertThat(refused.json().get("failuresByRule").get("RANGE").asLong()).isEqualTo(1);
        assertThat(refused.json().get("sample").get(0).get("row").asLong()).isEqualTo(3);

        Api.Response retired = provider.post(rules + "/" + range.id() + "/retire", Map.of());
        assertThat(retired.json().get("active").asBoolean()).isFalse();
        assertThat(upload("gmsfhm,xm,csrq\n" + WANG + ",王五,2015-06-15\n", StandardCharsets.UTF_8).text("status"))
                .isEqualTo("REFUSED");  // the ID number says 2001-06-15: the cross-item rule still holds
        assertThat(upload("gmsfhm,xm,csrq\n" + WANG + ",王五,2001-06-15\n", StandardCharsets.UTF_8).text("status"))
                .isEqualTo("APPLIED");
        assertThat(provider.get(rules).json().size()).isEqualTo(1);
    }
}

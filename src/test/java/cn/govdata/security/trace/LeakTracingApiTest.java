package cn.govdata.security.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.share.ShareFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leak tracing through HTTP (SHR-6): the enterprise register of the police is exported through the exchange as CSV by
 * the data users of two departments under their grants; a copy re-sorted and cut down to some columns — as CSV or as
 * an xlsx workbook — is traced by the authority's security administrator to its grant and the time of its export;
 * the other department's copy to the other grant; a file never exported matches nothing; every trace is audited.
 */
class LeakTracingApiTest extends ShareFixtures {

    private static final int COMPANIES = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Api security;
    private long entryId;
    private long civilGrant;
    private long educationGrant;

    @BeforeEach
    void setUp() {
        setUpShare();
        security = newUser(admin, authorityDepartmentId(admin), Role.SECURITY_ADMIN).api();
        Map<String, Object> content = population("CONDITIONAL");
        content.put("name", "企业登记信息" + unique());
        content.put("dataItems", new ArrayList<>(List.of(
                item("djbh", "登记编号", "CHARACTER", 32, true, true, null, "NONE"),
                item("qymc", "企业名称", "CHARACTER", 200, true, false, null, "NONE"),
                item("zcdz", "注册地址", "CHARACTER", 200, true, false, null, "NONE"),
                item("jyfw", "经营范围", "CHARACTER", 500, false, false, null, "NONE"))));
        entryId = published(police, content).id();
        Api provider = newUser(admin, police.department().id(), Role.DATA_PROVIDER).api();
        long datasetId = provider.post("/api/v1/lake/datasets", Map.of("entryId", entryId)).id();
        Api.Response batch = provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches?wait=true", "file",
                "企业.csv", "text/csv", register().getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
        civilGrant = exchangeGrant(civilUser.api(), civilSystem);
        educationGrant = exchangeGrant(stranger, strangerSystem);
    }

    /** The register as the provider loaded it: every letter and digit half-width. */
    private static String register() {
        StringBuilder csv = new StringBuilder("djbh,qymc,zcdz,jyfw\n");
        for (int i = 1; i <= COMPANIES; i++) {
            csv.append("DJ").append(1000 + i).append(",烟台").append("甲乙丙丁戊己庚辛壬癸".charAt(i % 10))
                    .append("科技有限公司,芝罘区幸福路").append(i).append("号").append(i % 3 == 0 ? "A座" : "")
                    .append(",软件开发；第").append(i % 5 + 1).append("类医疗器械销售\n");
        }
        return csv.toString();
    }

    @Test
    void aReSortedExportCutToSomeColumnsIsTracedToItsGrantAndTime() throws Exception {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        String civilCopy = exchange(civilUser.api());
        OffsetDateTime after = OffsetDateTime.now().plusSeconds(1);
        String educationCopy = exchange(stranger);
        // a later export under the same grant is another export: the copy is traced to the time of its own
        String laterCivilCopy = exchange(civilUser.api());
        assertThat(laterCivilCopy).isNotEqualTo(civilCopy);
        // the values mean what they meant: the same text once the widths are folded (NFKC)
        assertThat(java.text.Normalizer.normalize(civilCopy, java.text.Normalizer.Form.NFKC))
                .contains("芝罘区幸福路7号", "DJ1007", "第3类医疗器械销售");

        List<List<String>> leaked = rows(civilCopy, "zcdz", "jyfw");
        Api.Response traced = security.upload("/api/v1/security/trace", "file", "流出.csv", "text/csv",
                csv(List.of("地址", "经营范围"), leaked));
        assertThat(traced.status()).as(traced.body()).isEqualTo(200);
        assertThat(traced.json().get("grantId").asLong()).isEqualTo(civilGrant);
        OffsetDateTime exportedAt = OffsetDateTime.parse(traced.text("exportedAt"));
        assertThat(exportedAt).isAfter(before).isBefore(after);
        assertThat(traced.json().get("confidence").asDouble()).isBetween(0.999, 1.0);
        assertThat(traced.json().get("valuesCompared").asInt()).isEqualTo(COMPANIES + 5);
        assertThat(traced.json().get("consumer").asString()).isEqualTo(civil.name());

        // the same copy saved as an xlsx workbook, the address column only
        Api.Response workbook = security.upload("/api/v1/security/trace", "file", "流出.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx(rows(civilCopy, "zcdz", "qymc")));
        assertThat(workbook.status()).as(workbook.body()).isEqualTo(200);
        assertThat(workbook.json().get("grantId").asLong()).isEqualTo(civilGrant);
        assertThat(workbook.text("exportedAt")).isEqualTo(traced.text("exportedAt"));

        // the other department's copy of the same data is told apart
        Api.Response other = security.upload("/api/v1/security/trace", "file", "另一份.csv", "text/csv",
                csv(List.of("zcdz", "qymc", "jyfw"), rows(educationCopy, "zcdz", "qymc", "jyfw")));
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().get("grantId").asLong()).isEqualTo(educationGrant);

        Api.Response later = security.upload("/api/v1/security/trace", "file", "后一份.csv", "text/csv",
                csv(List.of("zcdz"), rows(laterCivilCopy, "zcdz")));
        assertThat(later.json().get("grantId").asLong()).isEqualTo(civilGrant);
        assertThat(OffsetDateTime.parse(later.text("exportedAt"))).isAfter(exportedAt);

        assertThat(Api.texts(audit("security.trace", civilGrant), "outcome")).hasSize(3).containsOnly("SUCCESS");
    }

    @Test
    void aJsonLinesExchangeIsMarkedAndACopyWithLinesReSortedAndAnItemDroppedIsTraced() throws Exception {
        Api.Download file = civilUser.api().download("/api/v1/share/data/" + entryId
                + "/exchange?since=0&format=JSON_LINES");
        assertThat(file.status()).as(file.text()).isEqualTo(200);
        List<String> lines = new ArrayList<>(file.text().lines().toList());
        assertThat(lines).hasSize(COMPANIES);
        assertThat(java.text.Normalizer.normalize(file.text(), java.text.Normalizer.Form.NFKC))
                .as("the values mean what they meant").contains("芝罘区幸福路7号");
        // what a receiving system might pass on: its own order, without the business scope
        List<String> copied = new ArrayList<>();
        for (String line : lines) {
            tools.jackson.databind.node.ObjectNode change = (tools.jackson.databind.node.ObjectNode) JSON.readTree(line);
            ((tools.jackson.databind.node.ObjectNode) change.get("values")).remove("jyfw");
            copied.add(JSON.writeValueAsString(change));
        }
        Collections.shuffle(copied, new Random(3));
        Api.Response traced = security.upload("/api/v1/security/trace", "file", "流出.jsonl", "application/x-ndjson",
                String.join("\n", copied).getBytes(StandardCharsets.UTF_8));
        assertThat(traced.status()).as(traced.body()).isEqualTo(200);
        assertThat(traced.json().get("grantId").asLong()).isEqualTo(civilGrant);
        assertThat(traced.text("grantKind")).isEqualTo("SHARE");
        assertThat(traced.text("consumer")).isEqualTo(civil.name());

        Api.Response broken = security.upload("/api/v1/security/trace", "file", "流出.jsonl", "application/x-ndjson",
                "{\"values\": {\"zcdz\": \"幸福路".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.code()).isEqualTo("DATA_FILE_MALFORMED");
    }

    @Test
    void aFileNeverExportedMatchesNothing() {
        Api.Response unmarked = security.upload("/api/v1/security/trace", "file", "原始.csv", "text/csv",
                register().getBytes(StandardCharsets.UTF_8));
        assertThat(unmarked.status()).as(unmarked.body()).isEqualTo(404);
        assertThat(unmarked.code()).isEqualTo("TRACE_NO_MATCH");

        // too little marked text to tell anything
        Api.Response tiny = security.upload("/api/v1/security/trace", "file", "少量.csv", "text/csv",
                "地址\n芝罘区幸福路１号\n".getBytes(StandardCharsets.UTF_8));
        assertThat(tiny.code()).isEqualTo("TRACE_NO_MATCH");
        assertThat(security.inLanguage("zh-CN").upload("/api/v1/security/trace", "file", "少量.csv", "text/csv",
                "地址\n芝罘区幸福路１号\n".getBytes(StandardCharsets.UTF_8)).body()).contains("没有找到与该文件相符的导出记录");
        Api.Response refusals = auditor.get("/api/v1/audit?action=security.trace&outcome=FAILURE&size=50");
        assertThat(Api.texts(refusals.json().get("items"), "detail")).anyMatch(detail -> detail.contains("原始.csv"))
                .anyMatch(detail -> detail.contains("少量.csv"));
    }

    @Test
    void filesThatCannotBeTracedAndCallersWhoMayNotAreRefusedWithProblems() {
        byte[] text = register().getBytes(StandardCharsets.UTF_8);
        assertThat(civilUser.api().upload("/api/v1/security/trace", "file", "无权.csv", "text/csv", text).status())
                .isEqualTo(403);
        assertThat(security.upload("/api/v1/security/trace", "other", "流出.csv", "text/csv", text).code())
                .isEqualTo("FIELD_REQUIRED");
        Api.Response picture = security.upload("/api/v1/security/trace", "file", "截图.png", "image/png", png());
        assertThat(picture.status()).isEqualTo(415);
        assertThat(picture.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        Api.Response fakeWorkbook = security.upload("/api/v1/security/trace", "file", "流出.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", text);
        assertThat(fakeWorkbook.status()).isEqualTo(400);
        assertThat(fakeWorkbook.code()).isEqualTo("DATA_FILE_UNREADABLE");
        Api.Response binary = security.upload("/api/v1/security/trace", "file", "流出.csv", "text/csv", png());
        assertThat(binary.code()).isEqualTo("DATA_FILE_UNREADABLE");
        Api.Response unclosed = security.upload("/api/v1/security/trace", "file", "流出.csv", "text/csv",
                "a,b\n\"幸福路1号,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unclosed.code()).isEqualTo("DATA_FILE_MALFORMED");
        Api.Response oversize = security.upload("/api/v1/security/trace", "file", "流出.csv", "text/csv",
                new byte[50 * 1024 * 1024 + 1]);
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.code()).isEqualTo("PAYLOAD_TOO_LARGE");

        // refused traces are audited too, the caller without the right among them
        Api.Response refusals = auditor.get("/api/v1/audit?action=security.trace&outcome=FAILURE&size=50");
        assertThat(Api.texts(refusals.json().get("items"), "detail")).anyMatch(detail -> detail.contains("无权.csv"))
                .anyMatch(detail -> detail.contains("截图.png"));
    }

    /** A grant for the department's exchange of every item, applied for by its data user and approved as applied. */
    private long exchangeGrant(Api applicant, long system) {
        Map<String, Object> application = application(entryId);
        application.put("items", List.of("djbh", "qymc", "zcdz", "jyfw"));
        application.put("ways", List.of("EXCHANGE"));
        application.put("systems", List.of(system));
        Api.Response drafted = applicant.post("/api/v1/share/applications", application);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        for (int i = 0; i < MATERIALS.size(); i++) {
            assertThat(attach(applicant, drafted.id(), Integer.toString(i), "材料" + i + ".pdf", "application/pdf",
                    pdf("material " + i)).status()).isEqualTo(201);
        }
        assertThat(applicant.post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of()).status())
                .isEqualTo(200);
        Api.Response approved = policeApprover.post("/api/v1/share/applications/" + drafted.id() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json().get("grantIds").get(0).asLong();
    }

    /** The whole dataset through the exchange as CSV, as the data user's console downloads it. */
    private String exchange(Api user) {
        Api.Download file = user.download("/api/v1/share/data/" + entryId + "/exchange?since=0&format=CSV");
        assertThat(file.status()).as(file.text()).isEqualTo(200);
        return file.text();
    }

    /** The named columns of a CSV file's rows, shuffled. */
    private static List<List<String>> rows(String csv, String... columns) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(new java.io.StringReader(csv))) {
            for (CSVRecord record : parser) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(record.get(column));
                }
                rows.add(row);
            }
        }
        assertThat(rows).hasSize(COMPANIES);
        Collections.shuffle(rows, new Random(17));
        return rows;
    }

    private static byte[] csv(List<String> header, List<List<String>> rows) throws IOException {
        StringBuilder out = new StringBuilder();
        CSVFormat.DEFAULT.printRecord(out, header.toArray());
        for (List<String> row : rows) {
            CSVFormat.DEFAULT.printRecord(out, row.toArray());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("流出");
            sheet.createRow(0).createCell(0).setCellValue("地址");
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i + 1);
                for (int j = 0; j < rows.get(i).size(); j++) {
                    row.createCell(j).setCellValue(rows.get(i).get(j));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}

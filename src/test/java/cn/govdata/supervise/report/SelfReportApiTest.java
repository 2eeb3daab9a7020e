package cn.govdata.supervise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The departments' yearly self-report (SUP-2) under Ningxia's profile (due by the end of January, NX17): prefilled
 * with the department's figures, edited as a draft, submitted once and then read-only, returned by the authority
 * with a reason, exported as PDF and XLSX; another department neither reads nor edits it; the authority sees who
 * has not submitted; a late report is on the workbench.
 */
@TestPropertySource(properties = "govdata.policy=ningxia")
class SelfReportApiTest extends CatalogFixtures {

    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-self-report-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    @BeforeEach
    void setUp() {
        admin = admin();
    }

    private static String path(long departmentId) {
        return "/api/v1/supervision/self-reports/" + YEAR + "/departments/" + departmentId;
    }

    private static Map<String, Object> sections(String workDone, String problems, String plans) {
        Map<String, Object> body = new HashMap<>();
        body.put("workDone", workDone);
        body.put("problems", problems);
        body.put("plans", plans);
        return body;
    }

    @Test
    void aDepartmentWritesSubmitsAndExportsItsSelfReportAndTheAuthorityReturnsIt() throws Exception {
        Dept department = newDepartment(admin, "自评测试局");
        Api own = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN).api();
        Dept other = newDepartment(admin, "自评旁观局");
        Api stranger = newUser(admin, other.id(), Role.DEPARTMENT_ADMIN).api();

        JsonNode fresh = own.get(path(department.id())).json();
        assertThat(fresh.get("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(fresh.get("dueOn").asString()).isEqualTo((YEAR + 1) + "-01-31");
        assertThat(fresh.get("dueBasis").asString()).isEqualTo("NX17");
        assertThat(fresh.get("overdue").asBoolean()).isTrue();
        assertThat(Api.texts(fresh.get("figures"), "key")).contains("entries", "sharedShare", "violations");
        assertThat(Api.texts(fresh.get("figures"), "label")).contains("已编目资源数");

        // the department's late report waits on its administrator's workbench
        assertThat(own.get("/api/v1/workbench").json().get("items").findValues("kind").stream()
                .map(JsonNode::asString)).contains("supervise.selfReport");

        Api.Response draft = own.put(path(department.id()), sections("完成目录编制12条", "归集不够及时", null));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.json().get("workDone").asString()).isEqualTo("完成目录编制12条");

        Api.Response incomplete = own.post(path(department.id()) + "/submit", Map.of());
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.code()).isEqualTo("FIELD_REQUIRED");
        assertThat(incomplete.contentType()).startsWith("application/problem+json");

        // another department neither reads nor edits it, nor submits it
        assertThat(stranger.get(path(department.id())).status()).isEqualTo(404);
        assertThat(stranger.put(path(department.id()), sections("x", "y", "z")).status()).isEqualTo(404);
        assertThat(stranger.post(path(department.id()) + "/submit", Map.of()).status()).isEqualTo(404);

        assertThat(own.put(path(department.id()), sections(null, null, "下一年按周期归集")).status()).isEqualTo(200);
        Api.Response submitted = own.post(path(department.id()) + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("overdue").asBoolean()).isFalse();
        assertThat(submitted.json().get("problems").asString()).isEqualTo("归集不够及时");

        // read-only once submitted
        Api.Response edit = own.put(path(department.id()), sections("改动", null, null));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.code()).isEqualTo("CONFLICT");
        assertThat(own.post(path(department.id()) + "/submit", Map.of()).status()).isEqualTo(409);
        assertThat(own.get("/api/v1/workbench").json().get("items").findValues("kind").stream()
                .map(JsonNode::asString)).doesNotContain("supervise.selfReport");

        // the authority sees every department's, submitted or not
        Api.Response listed = admin.get("/api/v1/supervision/self-reports?year=" + YEAR);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        Map<Long, String> statuses = new HashMap<>();
        listed.json().forEach(r -> statuses.put(r.get("departmentId").asLong(), r.get("status").asString()));
        assertThat(statuses).containsEntry(department.id(), "SUBMITTED").containsEntry(other.id(), "NOT_STARTED");
        // a department lists its own only
        assertThat(Api.texts(stranger.get("/api/v1/supervision/self-reports?year=" + YEAR).json(), "departmentName"))
                .containsExactly(other.name());

        Api.Download pdf = own.download(path(department.id()) + ".pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text).contains(department.name(), YEAR + "年度政务数据工作自评报告", "完成目录编制12条", "归集不够及时",
                "下一年按周期归集", "已编目资源数", "已提交");

        Api.Download xlsx = admin.download(path(department.id()) + ".xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet figures = workbook.getSheet("年度指标");
            assertThat(figures.getRow(0).getCell(1).getStringCellValue()).isEqualTo(department.name());
            Sheet written = workbook.getSheet("自评内容");
            assertThat(written.getRow(0).getCell(1).getStringCellValue()).isEqualTo("完成目录编制12条");
            assertThat(written.getRow(2).getCell(1).getStringCellValue()).isEqualTo("下一年按周期归集");
        }
        assertThat(stranger.download(path(department.id()) + ".pdf").status()).isEqualTo(404);

        // the authority returns it with a reason; the department may edit again
        assertThat(own.post(path(department.id()) + "/return", Map.of("reason", "请补充")).status()).isEqualTo(403);
        Api.Response noReason = admin.post(path(department.id()) + "/return", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("FIELD_REQUIRED");
        Api.Response returned = admin.post(path(department.id()) + "/return", Map.of("reason", "请补充共享数据使用情况"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.json().get("returnReason").asString()).isEqualTo("请补充共享数据使用情况");
        assertThat(own.put(path(department.id()), sections("补充：提供共享数据3次", null, null)).json()
                .get("status").asString()).isEqualTo("RETURNED");
        assertThat(own.post(path(department.id()) + "/submit", Map.of()).json().get("status").asString())
                .isEqualTo("SUBMITTED");
        assertThat(admin.post(path(other.id()) + "/return", Map.of("reason", "x")).status()).isEqualTo(409);
    }

    @Test
    void badInputIsAProblem() {
        Dept department = newDepartment(admin, "自评校验局");
        Api own = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN).api();
        Api.Response before2000 = own.get("/api/v1/supervision/self-reports/1999/departments/" + department.id());
        assertThat(before2000.status()).isEqualTo(400);
        assertThat(before2000.code()).isEqualTo("INVALID_VALUE");
        assertThat(own.get("/api/v1/supervision/self-reports?year=" + (YEAR + 2)).status()).isEqualTo(400);
        assertThat(own.get("/api/v1/supervision/self-reports?year=abc").status()).isEqualTo(400);
        Api.Response tooLong = own.put(path(department.id()), sections("长".repeat(8001), null, null));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("INVALID_VALUE");
        assertThat(own.get(path(987654321L)).status()).isEqualTo(404);
        // a clerk without a role that answers for the department cannot write it
        Api reader = newUser(admin, department.id(), Role.DATA_USER).api();
        assertThat(reader.put(path(department.id()), sections("x", "y", "z")).status()).isEqualTo(403);
    }
}

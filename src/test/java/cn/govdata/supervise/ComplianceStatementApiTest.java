package cn.govdata.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * A department's compliance statement (SUP-4) through the HTTP API: its scorecard, its violations with their
 * correction orders and its projects' checks, as PDF (read with pdftotext) and XLSX (read with POI); only its
 * own people and the authority get it.
 */
class ComplianceStatementApiTest extends CatalogFixtures {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    @Test
    void theStatementCombinesScorecardViolationsAndProjectsInPdfAndXlsx() throws Exception {
        Editor editor = newEditor("合规说明局");
        Api.Response obligation = editor.api().post("/api/v1/catalog/obligations", Map.of("trigger", "LAW_CHANGED",
                "triggerDate", TODAY.minusDays(60).toString(), "description", "条例修订" + unique()));
        assertThat(obligation.status()).as(obligation.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/supervision/detect", Map.of()).status()).isEqualTo(200);
        long violation = admin.get("/api/v1/supervision/violations?departmentId=" + editor.department().id()).json()
                .get(0).get("id").asLong();
        assertThat(admin.post("/api/v1/supervision/violations/" + violation + "/order",
                Map.of("note", "请补报目录更新")).status()).isEqualTo(200);
        String projectCode = "HG" + unique();
        Api.Response project = editor.api().post("/api/v1/supervision/projects",
                ProjectApiTest.project(projectCode, List.of(ProjectApiTest.produces("301001/999998"))));
        assertThat(project.status()).as(project.body()).isEqualTo(201);
        assertThat(editor.api().post("/api/v1/supervision/projects/" + project.id() + "/approval-check", Map.of())
                .text("status")).isEqualTo("CATALOG_INCOMPLETE");

        int year = TODAY.getYear();
        String base = "/api/v1/supervision/compliance/" + editor.department().id() + "/" + year;
        Api.Download pdf = editor.api().download(base + ".pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String text = ProjectApiTest.pdfText(pdf.body());
        assertThat(text).contains(editor.department().name()).contains("合规情况说明").contains("目录未按时更新")
                .contains("整改中").contains(projectCode).contains("目录不完整");

        Api.Download xlsx = admin.download(base + ".xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3))).containsExactly("总体情况", "评分指标", "违规及整改", "信息化项目");
            assertThat(texts(workbook.getSheet("总体情况"))).contains(editor.department().name(),
                    editor.department().creditCode());
            assertThat(texts(workbook.getSheet("违规及整改"))).contains("目录未按时更新", "整改中", "请补报目录更新");
            assertThat(texts(workbook.getSheet("信息化项目"))).contains(projectCode, "目录不完整");
            assertThat(workbook.getSheet("评分指标").getPhysicalNumberOfRows()).isGreaterThan(1);
        }

        // another department gets neither; a year outside the scorecards' range and an unknown department are problems
        Editor stranger = newEditor("合规旁观局");
        assertThat(stranger.api().download(base + ".pdf").status()).isEqualTo(403);
        assertThat(stranger.api().download(base + ".xlsx").status()).isEqualTo(403);
        Api.Response badYear = admin.get("/api/v1/supervision/compliance/" + editor.department().id() + "/1999.pdf");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/supervision/compliance/999999999/" + year + ".pdf").status()).isEqualTo(404);

        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        assertThat(Api.texts(auditor.get("/api/v1/audit?action=supervise.compliance.export&objectId="
                + editor.department().id() + "&size=10").json().get("items"), "action"))
                .contains("supervise.compliance.export");
    }

    private static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                texts.add(cell.toString());
            }
        }
        return texts;
    }
}

package cn.govdata.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Information projects (CAT-10) through the HTTP API: the check before approval names what is missing, the
 * acceptance check after publishing and aggregating gives the evidence as JSON and PDF, another department
 * neither sees nor changes a project, bad input is a problem.
 */
class ProjectApiTest extends CatalogFixtures {

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    static Map<String, Object> project(String code, List<Map<String, Object>> entries) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("code", code);
        project.put("name", "企业登记业务系统升级改造" + code);
        project.put("approvalBody", "市发展和改革委员会");
        project.put("budget", "1250000.00");
        project.put("startsOn", "2026-03-01");
        project.put("endsOn", "2027-02-28");
        project.put("entries", entries);
        return project;
    }

    static Map<String, Object> produces(String resourceCode, String... items) {
        return Map.of("resourceCode", resourceCode, "role", "PRODUCES", "items", List.of(items));
    }

    private static List<JsonNode> findings(JsonNode check) {
        List<JsonNode> found = new ArrayList<>();
        check.get("findings").forEach(found::add);
        return found;
    }

    @Test
    void aProjectWhoseEntryLacksADataItemIsIncompleteWithTheItemNamed() {
        Editor editor = newEditor("项目测试局");
        Map<String, Object> content = content("企业登记信息" + unique());
        Map<String, Object> restricted = content("企业处罚信息" + unique());
        restricted.put("shareType", "NOT_SHARED");
        restricted.remove("shareMethod");
        Api.Response drafted = draft(editor.api(), content);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        Api.Response draftedRestricted = draft(editor.api(), restricted);
        assertThat(draftedRestricted.status()).as(draftedRestricted.body()).isEqualTo(201);
        String code = drafted.text("resourceCode");
        String restrictedCode = draftedRestricted.text("resourceCode");

        Api.Response registered = editor.api().post("/api/v1/supervision/projects", project("XM" + unique(),
                List.of(produces(code, "单位名称", "联系电话"), produces(restrictedCode), produces("301001/999999"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.text("status")).isEqualTo("REGISTERED");

        Api.Response checked = editor.api().post("/api/v1/supervision/projects/" + registered.id() + "/approval-check",
                Map.of());
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.text("status")).isEqualTo("CATALOG_INCOMPLETE");
        assertThat(checked.text("statusLabel")).isEqualTo("目录不完整");
        JsonNode check = checked.json().get("approvalCheck");
        assertThat(check.get("complete").asBoolean()).isFalse();
        List<JsonNode> findings = findings(check);
        assertThat(findings).extracting(f -> f.get("code").asString())
                .containsExactlyInAnyOrder("DATA_ITEM_MISSING", "SHARE_BASIS_MISSING", "ENTRY_NOT_FOUND");
        JsonNode missingItem = findings.stream().filter(f -> f.get("code").asString().equals("DATA_ITEM_MISSING"))
                .findFirst().orElseThrow();
        assertThat(missingItem.get("resourceCode").asString()).isEqualTo(code);
        assertThat(missingItem.get("text").asString()).contains("联系电话").doesNotContain("单位名称");
        assertThat(findings.stream().filter(f -> f.get("code").asString().equals("SHARE_BASIS_MISSING")).findFirst()
                .orElseThrow().get("text").asString()).contains(restrictedCode).contains("法律依据");

        // the department completes the project's catalog: the item in the entry, the basis cited, the unknown dropped
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) content.get("dataItems");
        items.add(item("phone", "联系电话", "CHARACTER", 20, false, false, null, "NONE"));
        Api.Response itemAdded = editor.api().put("/api/v1/catalog/entries/" + drafted.id(), Map.of("content", content,
                "revision", drafted.json().get("latest").get("revision").asInt()));
        assertThat(itemAdded.status()).as(itemAdded.body()).isEqualTo(200);
        restricted.put("shareBasis", basis("中华人民共和国行政处罚法", "第四十八条"));
        Api.Response basisCited = editor.api().put("/api/v1/catalog/entries/" + draftedRestricted.id(),
                Map.of("content", restricted, "revision", draftedRestricted.json().get("latest").get("revision").asInt()));
        assertThat(basisCited.status()).as(basisCited.body()).isEqualTo(200);
        Api.Response changed = editor.api().put("/api/v1/supervision/projects/" + registered.id(),
                project(registered.text("code"), List.of(produces(code, "单位名称", "联系电话"), produces(restrictedCode))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().has("approvalCheck")).isFalse();
        Api.Response again = editor.api().post("/api/v1/supervision/projects/" + registered.id() + "/approval-check",
                Map.of());
        assertThat(again.text("status")).as(again.body()).isEqualTo("CATALOG_COMPLETE");
        assertThat(again.json().get("approvalCheck").get("findings").size()).isZero();
    }

    @Test
    void acceptanceAfterPublishingAndAggregatingGivesTheEvidenceAsJsonAndPdf() throws Exception {
        Editor editor = newEditor("验收测试局");
        Api provider = newUser(admin, editor.department().id(), Role.DATA_PROVIDER).api();
        Api.Response entry = published(editor, content("项目产出信息" + unique()));
        String code = entry.text("resourceCode");
        Api.Response registered = editor.api().post("/api/v1/supervision/projects",
                project("YS" + unique(), List.of(produces(code, "登记编号", "单位名称"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String projectPath = "/api/v1/supervision/projects/" + registered.id();

        // published but nothing aggregated: the acceptance check fails and says so
        Api.Response early = editor.api().post(projectPath + "/acceptance-check", Map.of());
        assertThat(early.status()).as(early.body()).isEqualTo(200);
        assertThat(early.text("status")).isEqualTo("ACCEPTANCE_FAILED");
        assertThat(findings(early.json().get("acceptance"))).extracting(f -> f.get("code").asString())
                .containsExactly("DATA_NOT_AGGREGATED");

        long datasetId = provider.post("/api/v1/lake/datasets", Map.of("entryId", entry.id())).id();
        String csv = "record_no,org_name,credit_code,handled_on\nA001,测试单位甲," + randomCreditCode()
                + ",2026-01-15\nA002,测试单位乙," + randomCreditCode() + ",2026-01-16\n";
        Api.Response batch = provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches?wait=true", "file",
                "d.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");

        Api.Response accepted = admin.post(projectPath + "/acceptance-check", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");

        Api.Response evidence = editor.api().get(projectPath + "/acceptance.json");
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(200);
        assertThat(evidence.json().get("passed").asBoolean()).isTrue();
        assertThat(evidence.json().get("checkedAt").asString()).isNotBlank();
        JsonNode facts = evidence.json().get("entries").get(0);
        assertThat(facts.get("resourceCode").asString()).isEqualTo(code);
        assertThat(facts.get("published").asBoolean()).isTrue();
        assertThat(facts.get("datasetId").asLong()).isEqualTo(datasetId);
        assertThat(facts.get("records").asLong()).isEqualTo(2);
        assertThat(facts.get("current").asBoolean()).isTrue();

        Api.Download pdf = editor.api().download(projectPath + "/acceptance.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("验收核查证明").contains(registered.text("name")).contains(code).contains("已发布");

        // once accepted the project no longer changes
        assertThat(editor.api().put(projectPath, project(registered.text("code"), List.of())).status()).isEqualTo(409);
        // the audit recorded the checks
        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        Api.Response audited = auditor.get("/api/v1/audit?objectType=project&objectId=" + registered.id() + "&size=50");
        assertThat(audited.status()).as(audited.body()).isEqualTo(200);
        assertThat(Api.texts(audited.json().get("items"), "action")).contains("supervise.project.register",
                "supervise.project.acceptance-check", "supervise.project.evidence-download");
    }

    @Test
    void anotherDepartmentNeitherSeesNorChangesAProjectWhileTheAuthorityListsIt() {
        Editor editor = newEditor("项目所属局");
        Api.Response registered = editor.api().post("/api/v1/supervision/projects",
                project("QT" + unique(), List.of()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String path = "/api/v1/supervision/projects/" + registered.id();
        Editor stranger = newEditor("项目旁观局");
        assertThat(stranger.api().get(path).status()).isEqualTo(404);
        assertThat(stranger.api().put(path, project("QT" + unique(), List.of())).status()).isEqualTo(404);
        assertThat(stranger.api().post(path + "/approval-check", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.api().get(path + "/acceptance.pdf").status()).isEqualTo(404);
        assertThat(Api.texts(stranger.api().get("/api/v1/supervision/projects").json(), "code"))
                .doesNotContain(registered.text("code"));
        assertThat(stranger.api().get("/api/v1/supervision/projects?departmentId=" + editor.department().id())
                .status()).isEqualTo(403);
        assertThat(Api.texts(admin.get("/api/v1/supervision/projects").json(), "code"))
                .contains(registered.text("code"));
        assertThat(Api.texts(editor.api().get("/api/v1/supervision/projects").json(), "code"))
                .containsExactly(registered.text("code"));
        // a department without its catalog editors' role does not register projects
        Api provider = newUser(admin, editor.department().id(), Role.DATA_PROVIDER).api();
        assertThat(provider.post("/api/v1/supervision/projects", project("QT" + unique(), List.of())).status())
                .isEqualTo(403);
        // no evidence before the acceptance check
        assertThat(editor.api().get(path + "/acceptance.json").status()).isEqualTo(404);
    }

    @Test
    void badInputIsAProblem() {
        Editor editor = newEditor("项目输入局");
        Map<String, Object> noName = project("BAD" + unique(), List.of());
        noName.remove("name");
        Api.Response missing = editor.api().post("/api/v1/supervision/projects", noName);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.code()).isEqualTo("FIELD_REQUIRED");
        assertThat(missing.text("detail")).contains("项目名称");

        Map<String, Object> backwards = project("BAD" + unique(), List.of());
        backwards.put("endsOn", "2025-01-01");
        assertThat(editor.api().post("/api/v1/supervision/projects", backwards).code()).isEqualTo("INVALID_VALUE");
        Map<String, Object> negative = project("BAD" + unique(), List.of());
        negative.put("budget", "-1");
        assertThat(editor.api().post("/api/v1/supervision/projects", negative).status()).isEqualTo(400);
        Map<String, Object> noRole = project("BAD" + unique(), List.of(Map.of("resourceCode", "301001/000001")));
        assertThat(editor.api().post("/api/v1/supervision/projects", noRole).code()).isEqualTo("FIELD_REQUIRED");
        Map<String, Object> badDate = project("BAD" + unique(), List.of());
        badDate.put("startsOn", "明天");
        assertThat(editor.api().post("/api/v1/supervision/projects", badDate).status()).isEqualTo(400);

        Map<String, Object> first = project("DUP" + unique(), List.of());
        assertThat(editor.api().post("/api/v1/supervision/projects", first).status()).isEqualTo(201);
        Api.Response duplicate = editor.api().post("/api/v1/supervision/projects", first);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("CONFLICT");
        assertThat(editor.api().get("/api/v1/supervision/projects/999999999").status()).isEqualTo(404);
    }

    /** The text of a PDF as pdftotext reads it. */
    static String pdfText(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("govdata", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(text).isZero();
            return text;
        } finally {
            Files.delete(file);
        }
    }
}

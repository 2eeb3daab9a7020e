package cn.govdata.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Sharing fixtures: a providing department (公安局) with its catalog editor and share approver, a consumer
 * department (民政局) with a data user and a connected system, the authority's share approver, a stranger
 * department, and the population entry in each share type.
 */
public abstract class ShareFixtures extends CatalogFixtures {

    public static final List<String> MATERIALS = List.of("共享申请函（加盖公章）", "数据安全承诺书");

    @Autowired
    protected ShareGrants shareGrants;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected WorkingDayCalendar calendar;

    protected Editor police;
    protected Api policeApprover;
    protected Dept civil;
    protected LoggedIn civilUser;
    protected Api civilApprover;
    protected Api authorityApprover;
    protected String authorityApproverName;
    protected Api stranger;
    protected Dept strangerDepartment;
    protected Api auditor;
    protected long civilSystem;
    protected long otherCivilSystem;
    protected long strangerSystem;

    protected void setUpShare() {
        setUpCatalog();
        police = newEditor("公安局");
        policeApprover = newUser(admin, police.department().id(), Role.SHARE_APPROVER).api();
        civil = newDepartment(admin, "民政局");
        civilUser = newUser(admin, civil.id(), Role.DATA_USER);
        civilApprover = newUser(admin, civil.id(), Role.SHARE_APPROVER).api();
        LoggedIn authority = newUser(admin, authorityDepartmentId(admin), Role.SHARE_APPROVER);
        authorityApprover = authority.api();
        authorityApproverName = authority.username();
        strangerDepartment = newDepartment(admin, "教育局");
        stranger = newUser(admin, strangerDepartment.id(), Role.SHARE_APPROVER, Role.DATA_USER).api();
        auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        civilSystem = system(civil.id(), "低保审核系统");
        otherCivilSystem = system(civil.id(), "婚姻登记系统");
        strangerSystem = system(strangerDepartment.id(), "学籍管理系统");
    }

    private long system(long departmentId, String name) {
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", departmentId, "name", name));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.id();
    }

    /**
     * The population register of the police in a share type, with the catalog's rules for that type met (the
     * console's browser journeys publish it too).
     */
    public static Map<String, Object> population(String shareType) {
        Map<String, Object> content = content("常住人口信息" + unique());
        content.put("dataItems", new ArrayList<>(List.of(
                item("gmsfhm", "公民身份号码", "CHARACTER", 18, true, true, "GB 11643", "PERSONAL_INFORMATION"),
                item("xm", "姓名", "CHARACTER", 50, true, false, null, "PERSONAL_INFORMATION"),
                item("xzqh", "行政区划代码", "CHARACTER", 9, true, false, "GB/T 2260", "NONE"),
                item("zz", "住址", "CHARACTER", 200, false, false, null, "PERSONAL_INFORMATION"))));
        content.put("shareType", shareType);
        content.put("openType", "NOT_OPEN");
        content.put("openBasis", basis("中华人民共和国个人信息保护法", "第十三条"));
        if (!shareType.equals("UNCONDITIONAL")) {
            content.put("shareBasis", basis("中华人民共和国个人信息保护法", "第三十四条"));
        }
        if (shareType.equals("CONDITIONAL")) {
            content.put("shareCondition", "仅提供给依法履行社会救助、户籍核验职责的部门");
            content.put("applicantMaterials", MATERIALS);
        }
        return content;
    }

    protected long entry(String shareType) {
        return published(police, population(shareType)).id();
    }

    protected LocalDate today() {
        return calendar.today();
    }

    /** A complete application of the civil affairs bureau for an entry. */
    protected Map<String, Object> application(long entryId) {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("entryId", entryId);
        application.put("items", new ArrayList<>(List.of("gmsfhm", "xm", "xzqh")));
        application.put("purpose", "核查最低生活保障申请人的身份和户籍");
        application.put("useScenario", "低保审核确认时比对申请人身份，查询户籍所在地");
        application.put("legalDuty", "《社会救助暂行办法》第十一条：县级民政部门审核确认最低生活保障");
        application.put("periodFrom", today().toString());
        application.put("periodTo", today().plusDays(364).toString());
        application.put("ways", new ArrayList<>(List.of("VERIFICATION", "QUERY")));
        application.put("systems", new ArrayList<>(List.of(civilSystem)));
        return application;
    }

    protected long drafted(long entryId) {
        Api.Response drafted = civilUser.api().post("/api/v1/share/applications", application(entryId));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        assertThat(drafted.text("status")).isEqualTo("DRAFT");
        return drafted.id();
    }

    protected Api.Response attach(Api api, long applicationId, String material, String filename, String contentType,
            byte[] content) {
        return api.upload("/api/v1/share/applications/" + applicationId + "/attachments?material="
                + java.net.URLEncoder.encode(material, StandardCharsets.UTF_8), "file", filename, contentType, content);
    }

    protected void attachAll(long applicationId) {
        for (int i = 0; i < MATERIALS.size(); i++) {
            Api.Response attached = attach(civilUser.api(), applicationId, Integer.toString(i), "材料" + i + ".pdf",
                    "application/pdf", pdf("material " + i));
            assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        }
    }

    /** Drafted, every material attached, submitted. */
    protected long submitted(long entryId) {
        long id = drafted(entryId);
        attachAll(id);
        Api.Response submitted = civilUser.api().post("/api/v1/share/applications/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("PENDING");
        return id;
    }

    /** Submitted and approved as applied for by the police's approver; returns the grant's id. */
    protected long granted(long entryId) {
        long id = submitted(entryId);
        Api.Response approved = policeApprover.post("/api/v1/share/applications/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json().get("grantIds").get(0).asLong();
    }

    public static byte[] pdf(String text) {
        return ("%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\n% " + text + "\ntrailer <<>>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    protected static byte[] png() {
        byte[] png = new byte[64];
        byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
        System.arraycopy(signature, 0, png, 0, signature.length);
        return png;
    }

    protected Actor civilActor() {
        return new Actor(Actor.Kind.USER, civilUser.id(), civilUser.username(), civil.id(), civil.regionId(), false,
                Set.of(Role.DATA_USER));
    }

    protected Actor civilSystemActor(long systemId) {
        return new Actor(Actor.Kind.SYSTEM, systemId, "sys-" + systemId, civil.id(), civil.regionId(), false,
                Set.of(Role.DATA_USER));
    }

    protected static Map<String, Object> refusal(String reason, Map<String, Object> basis) {
        Map<String, Object> refusal = new LinkedHashMap<>();
        refusal.put("reason", reason);
        refusal.put("basis", basis);
        return refusal;
    }

    /** The audit entries of an action on an object, newest first. */
    protected JsonNode audit(String action, Object objectId) {
        Api.Response found = auditor.get("/api/v1/audit?action=" + action + "&objectId=" + objectId + "&size=50");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("items");
    }

    protected static List<String> types(JsonNode timeline) {
        return Api.texts(timeline, "type");
    }

    /** The texts of a JSON array of strings. */
    protected static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    protected static List<String> locations(Api.Response problem) {
        return Api.texts(problem.json().get("errors"), "location");
    }

    protected static JsonNode byId(JsonNode array, long id) {
        for (JsonNode node : array) {
            if (node.get("id").asLong() == id) {
                return node;
            }
        }
        return null;
    }

    /** Waits for something the platform does in the background (a push, a retry), at most 20 seconds. */
    protected static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

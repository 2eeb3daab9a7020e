package cn.govdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/** The catalog lifecycle through the HTTP API: draft, submit, return, publish, new version, retire (CAT-4, CAT-5). */
class CatalogLifecycleApiTest extends CatalogFixtures {

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    @Test
    void anEntryIsDraftedSubmittedReturnedFixedAndPublished() {
        Editor editor = newEditor("市场监管局");
        Api.Response created = draft(editor.api(), content("企业登记信息" + unique()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();
        assertThat(created.text("resourceCode")).matches("301001/\\d{6}");
        assertThat(created.json().get("latest").get("state").asString()).isEqualTo("DRAFT");
        assertThat(created.json().hasNonNull("published")).isFalse();

        Api.Response submitted = editor.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of("revision", 0));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("latest").get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(Api.texts(reviewer.get("/api/v1/catalog/review-queue").json(), "resourceCode"))
                .contains(created.text("resourceCode"));

        Api.Response returned = reviewer.post("/api/v1/catalog/entries/" + id + "/return",
                Map.of("comment", "摘要请写明数据范围"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("latest").get("state").asString()).isEqualTo("RETURNED");
        assertThat(returned.json().get("latest").get("reviewComment").asString()).isEqualTo("摘要请写明数据范围");

        Map<String, Object> fixed = content("企业登记信息" + unique());
        fixed.put("summary", "本市登记的全部企业，自2010年起。");
        int revision = returned.json().get("latest").get("revision").asInt();
        Api.Response saved = editor.api().put("/api/v1/catalog/entries/" + id, Map.of("content", fixed, "revision", revision));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(editor.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of()).status()).isEqualTo(200);

        Api.Response published = reviewer.post("/api/v1/catalog/entries/" + id + "/publish", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("published").get("version").asInt()).isEqualTo(1);
        assertThat(published.json().get("published").get("content").get("summary").asString())
                .isEqualTo("本市登记的全部企业，自2010年起。");
        assertThat(published.json().get("published").hasNonNull("reviewedBy")).isTrue();

        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        Api.Response audit = auditor.get("/api/v1/audit?objectType=catalog-entry&objectId=" + id + "&size=50");
        assertThat(Api.texts(audit.json().get("items"), "action"))
                .contains("catalog.create", "catalog.submit", "catalog.return", "catalog.update", "catalog.publish");
    }

    @Test
    void aPublishedEntryChangesOnlyByANewReviewedVersionAndVersionsCanBeCompared() {
        Editor editor = newEditor("民政局");
        Map<String, Object> content = content("婚姻登记信息" + unique());
        long id = published(editor, content).id();

        Map<String, Object> changed = content(content.get("name").toString());
        changed.put("updateCycle", "REALTIME");
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) changed.get("dataItems");
        items.add(item("registry_office", "登记机关", "CHARACTER", 100, false, false, null, "NONE"));
        Api.Response v2 = editor.api().put("/api/v1/catalog/entries/" + id,
                Map.of("content", changed, "revision", revisionOf(editor.api(), id), "changeNote", "增加登记机关"));
        assertThat(v2.status()).as(v2.body()).isEqualTo(200);
        assertThat(v2.json().get("latest").get("version").asInt()).isEqualTo(2);
        assertThat(v2.json().get("latest").get("state").asString()).isEqualTo("DRAFT");
        // the version in force is still the first, and others see only that
        assertThat(v2.json().get("published").get("version").asInt()).isEqualTo(1);
        Editor other = newEditor("教育局");
        Api.Response seenByOther = other.api().get("/api/v1/catalog/entries/" + id);
        assertThat(seenByOther.json().get("latest").get("version").asInt()).isEqualTo(1);
        assertThat(other.api().get("/api/v1/catalog/entries/" + id + "/versions/2").status()).isEqualTo(404);

        Api.Response diff = editor.api().get("/api/v1/catalog/entries/" + id + "/diff?from=1&to=2");
        assertThat(diff.status()).as(diff.body()).isEqualTo(200);
        assertThat(Api.texts(diff.json().get("fields"), "field")).containsExactly("updateCycle");
        assertThat(diff.json().get("fields").get(0).get("before").asString()).isEqualTo("DAILY");
        assertThat(diff.json().get("fields").get(0).get("after").asString()).isEqualTo("REALTIME");
        assertThat(Api.texts(diff.json().get("dataItems"), "name")).containsExactly("registry_office");
        assertThat(diff.json().get("dataItems").get(0).get("kind").asString()).isEqualTo("ADDED");

        assertThat(editor.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        Api.Response republished = reviewer.post("/api/v1/catalog/entries/" + id + "/publish", Map.of());
        assertThat(republished.json().get("published").get("version").asInt()).isEqualTo(2);
        Api.Response versions = editor.api().get("/api/v1/catalog/entries/" + id + "/versions");
        assertThat(Api.texts(versions.json(), "state")).containsExactly("SUPERSEDED", "PUBLISHED");
    }

    @Test
    void theSecondOfTwoConcurrentEditorsGetsAConflict() {
        Editor editor = newEditor("卫健委");
        long id = draft(editor.api(), content("出生医学证明" + unique())).id();
        int revision = revisionOf(editor.api(), id);
        Map<String, Object> first = content("出生医学证明（甲）");
        Map<String, Object> second = content("出生医学证明（乙）");
        assertThat(editor.api().put("/api/v1/catalog/entries/" + id, Map.of("content", first, "revision", revision))
                .status()).isEqualTo(200);
        Api.Response conflict = editor.api().put("/api/v1/catalog/entries/" + id,
                Map.of("content", second, "revision", revision));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(editor.api().get("/api/v1/catalog/entries/" + id).json().get("latest").get("content").get("name")
                .asString()).isEqualTo("出生医学证明（甲）");
    }

    @Test
    void aRetiredEntryKeepsItsVersionsAndItsCodeIsNeverReused() {
        Editor editor = newEditor("交通局");
        Api.Response entry = published(editor, content("道路运输许可" + unique()));
        long id = entry.id();
        String code = entry.text("resourceCode");
        assertThat(editor.api().post("/api/v1/catalog/entries/" + id + "/retire", Map.of()).code())
                .isEqualTo("CATALOG_ENTRY_INVALID");
        Api.Response retired = editor.api().post("/api/v1/catalog/entries/" + id + "/retire",
                Map.of("reason", "职能划转至行政审批局"));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        assertThat(editor.api().get("/api/v1/catalog/entries/" + id + "/versions").json().size()).isEqualTo(1);
        assertThat(editor.api().put("/api/v1/catalog/entries/" + id,
                Map.of("content", content("道路运输许可"), "revision", 0)).code()).isEqualTo("INVALID_STATE");

        Api.Response next = draft(editor.api(), content("道路运输许可（新）" + unique()));
        int sequence = Integer.parseInt(code.substring(code.indexOf('/') + 1));
        int nextSequence = Integer.parseInt(next.text("resourceCode").substring(code.indexOf('/') + 1));
        assertThat(nextSequence).isGreaterThan(sequence);
    }

    @Test
    void onlyTheAuthoritysReviewerPublishesAndOthersCannotTouchADepartmentsEntries() {
        Editor editor = newEditor("人社局");
        long id = draft(editor.api(), content("社保参保信息" + unique())).id();
        editor.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of());

        Api.Response selfPublish = editor.api().post("/api/v1/catalog/entries/" + id + "/publish", Map.of());
        assertThat(selfPublish.status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/catalog/entries/" + id + "/publish", Map.of()).status()).isEqualTo(403);

        Editor stranger = newEditor("住建局");
        assertThat(stranger.api().get("/api/v1/catalog/entries/" + id).status()).isEqualTo(404);
        assertThat(stranger.api().put("/api/v1/catalog/entries/" + id, Map.of("content", content("x"), "revision", 0))
                .status()).isEqualTo(404);
        assertThat(stranger.api().get("/api/v1/catalog/entries?departmentId=" + editor.department().id()).status())
                .isEqualTo(403);
        assertThat(reviewer.post("/api/v1/catalog/entries/" + id + "/publish", Map.of()).status()).isEqualTo(200);
        // once published, others see it but still cannot change it
        assertThat(stranger.api().get("/api/v1/catalog/entries/" + id).status()).isEqualTo(200);
        assertThat(stranger.api().put("/api/v1/catalog/entries/" + id, Map.of("content", content("x"), "revision", 1))
                .status()).isEqualTo(403);
    }

    @Test
    void onlyTheDepartmentsEditorsAndTheReviewerRetireAndAnUnpublishedEntryStaysHiddenFromOthers() {
        Editor editor = newEditor("卫健委");
        long id = draft(editor.api(), content("医疗机构执业登记信息" + unique())).id();
        editor.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of());
        Editor stranger = newEditor("农业农村局");
        Map<String, Object> reason = Map.of("reason", "停用");

        assertThat(stranger.api().post("/api/v1/catalog/entries/" + id + "/retire", reason).status()).isEqualTo(404);
        assertThat(reviewer.post("/api/v1/catalog/entries/" + id + "/publish", Map.of()).status()).isEqualTo(200);
        assertThat(stranger.api().post("/api/v1/catalog/entries/" + id + "/retire", reason).status()).isEqualTo(403);
        Api.Response retired = reviewer.post("/api/v1/catalog/entries/" + id + "/retire", reason);
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
    }

    static int revisionOf(Api api, long id) {
        return api.get("/api/v1/catalog/entries/" + id).json().get("latest").get("revision").asInt();
    }

    @Test
    void aConnectedSystemReadsThePublishedCatalogWithItsClientCredentialsButNeitherDraftsNorWrites() {
        Editor editor = newEditor("行政审批局");
        long published = published(editor, content("行政许可结果信息" + unique())).id();
        long draft = draft(editor.api(), content("行政许可过程信息" + unique())).id();
        Dept other = newDepartment(admin, "医保局");
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", other.id(), "name", "医保结算系统"));
        String basic = java.util.Base64.getEncoder().encodeToString((registered.text("clientId") + ":"
                + registered.text("clientSecret")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Response token = anonymous.postForm("/oauth2/token", "grant_type=client_credentials",
                "Authorization", "Basic " + basic);
        Api system = anonymous.withToken(token.text("access_token"));

        Api.Response entry = system.get("/api/v1/catalog/entries/" + published);
        assertThat(entry.status()).as(entry.body()).isEqualTo(200);
        assertThat(entry.json().get("published").get("content").get("dataItems").size()).isEqualTo(4);
        assertThat(system.get("/api/v1/catalog/entries/" + draft).status()).isEqualTo(404);
        assertThat(system.post("/api/v1/catalog/entries", Map.of("content", content("系统写入"))).status()).isEqualTo(403);
    }
}

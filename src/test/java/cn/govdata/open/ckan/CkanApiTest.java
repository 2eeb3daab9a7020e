package cn.govdata.open.ckan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.open.OpenFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The CKAN-compatible Action API as CKAN clients call it: both paths, GET and POST (JSON or form), numbers as
 * strings, any key in {@code Authorization}; CKAN's envelope, shapes and error types; and invisibility of whatever
 * is not open, by every form of its id.
 */
class CkanApiTest extends OpenFixtures {

    private Opened opened;
    private String organization;

    @BeforeEach
    void setUp() {
        setUpOpenData();
        opened = openedOffices(12);
        organization = police.department().creditCode().toLowerCase();
    }

    @Test
    void packageShowAnswersCkansPackageShapeByIdNameOrResourceCode() {
        for (String id : List.of(opened.packageId(), opened.name(), opened.resourceCode(), opened.name().toUpperCase())) {
            Api.Response response = anonymous.get("/api/3/action/package_show?id=" + encode(id));
            assertThat(response.status()).as(id).isEqualTo(200);
            assertThat(response.json().get("help").asString()).endsWith("/api/3/action/help_show?name=package_show");
            assertThat(response.json().get("success").asBoolean()).isTrue();
        }
        JsonNode p = ckan("package_show?id=" + opened.packageId());
        assertThat(p.get("id").asString()).isEqualTo(opened.packageId());
        assertThat(p.get("name").asString()).isEqualTo(opened.resourceCode().replace('/', '-')).matches("[a-z0-9_-]{2,100}");
        assertThat(p.get("title").asString()).startsWith("社区警务室信息");
        assertThat(p.get("notes").asString()).contains("社区民警");
        assertThat(p.get("metadata_created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(p.get("metadata_modified").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(p.get("license_id").asString()).isEqualTo("other-at");
        assertThat(p.get("license_title").asString()).isNotBlank();
        assertThat(p.has("license_url")).isTrue();
        assertThat(p.get("state").asString()).isEqualTo("active");
        assertThat(p.get("private").asBoolean()).isFalse();
        assertThat(p.get("type").asString()).isEqualTo("dataset");
        assertThat(p.get("owner_org").asString()).isEqualTo(p.get("organization").get("id").asString());
        assertThat(p.get("organization").get("name").asString()).isEqualTo(organization);
        assertThat(p.get("organization").get("title").asString()).isEqualTo(police.department().name());
        assertThat(p.get("organization").get("is_organization").asBoolean()).isTrue();
        assertThat(p.get("groups")).isEmpty();  // a department resource belongs to no base or thematic subject
        assertThat(texts(p.get("tags"), "name")).contains("部门信息资源", "联系电话", "民警公民身份号码");
        Map<String, String> extras = extras(p);
        assertThat(extras).containsEntry("resource_code", opened.resourceCode()).containsEntry("open_type", "无条件开放")
                .containsEntry("update_cycle", "每月").containsEntry("department", police.department().name())
                .containsEntry("record_count", "12").containsKeys("view_count", "download_count", "api_call_count");
        JsonNode resource = p.get("resources").get(0);
        assertThat(resource.get("id").asString()).isEqualTo(opened.resourceId());
        assertThat(resource.get("package_id").asString()).isEqualTo(opened.packageId());
        assertThat(resource.get("url").asString()).isEqualTo(anonymous.baseUrl() + "/datastore/dump/" + opened.resourceId());
        assertThat(resource.get("format").asString()).isEqualTo("CSV");
        assertThat(resource.get("datastore_active").asBoolean()).isTrue();
        assertThat(resource.get("last_modified").asString()).isNotBlank();
        assertThat(resource.get("name").asString()).isEqualTo(p.get("title").asString());
        assertThat(p.get("data_items").toString()).contains("\"name\":\"phone\"").contains("保留前 3 位和后 4 位");
    }

    @Test
    void resourceUrlsPointAtThePlatformAsTheProxyReportsIt() {
        Api.Response proxied = anonymous.send("GET", "/api/3/action/resource_show?id=" + opened.resourceId(), null,
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "data.example.gov.cn", "X-Forwarded-Prefix", "/gov");
        assertThat(proxied.json().get("result").get("url").asString())
                .isEqualTo("https://data.example.gov.cn/gov/datastore/dump/" + opened.resourceId());
        Api.Response forged = anonymous.send("GET", "/api/3/action/resource_show?id=" + opened.resourceId(), null,
                "X-Forwarded-Host", "evil.example/<script>");
        assertThat(forged.json().get("result").get("url").asString()).startsWith(anonymous.baseUrl());
    }

    @Test
    void everyActionAnswersOnBothPathsByGetJsonOrFormWithNumbersAsStringsAndAnyKey() {
        Map<String, Object> query = Map.of("fq", "organization:" + organization, "rows", "5", "start", "0");
        JsonNode byJson = anonymous.send("POST", "/api/action/package_search", json(query), "Content-Type",
                "application/json", "Authorization", "an-unknown-key").json();
        JsonNode byForm = anonymous.postForm("/api/3/action/package_search", "fq=" + encode("organization:" + organization)
                + "&rows=5", "Authorization", "Bearer whatever").json();
        JsonNode oldForm = anonymous.postForm("/api/3/action/package_search", encode(json(query)) + "=1").json();
        JsonNode byGet = ckan("package_search?fq=" + encode("organization:" + organization) + "&rows=5");
        for (JsonNode answer : List.of(byJson.get("result"), byForm.get("result"), oldForm.get("result"), byGet)) {
            assertThat(answer.get("count").asInt()).isEqualTo(1);
            assertThat(answer.get("results").get(0).get("id").asString()).isEqualTo(opened.packageId());
        }
        assertThat(anonymous.send("GET", "/api/3/action/status_show", null, "X-CKAN-API-Key", "k").status()).isEqualTo(200);
        JsonNode status = ckan("status_show");
        assertThat(status.get("ckan_version").asString()).startsWith("2.");
        assertThat(status.get("site_url").asString()).isEqualTo(anonymous.baseUrl());
        assertThat(status.get("open_data").get("datasets").asLong()).isPositive();
        assertThat(texts(ckan("package_list"), null)).contains(opened.name());
        assertThat(ckan("package_list?limit=1&offset=0")).hasSize(1);
        assertThat(ckan("license_list").get(0).get("id").asString()).isEqualTo("other-at");
    }

    @Test
    void packageSearchFindsByChineseTextFiltersFacetsSortsAndPages() {
        Opened second = openedOffices(3);
        JsonNode found = ckan("package_search?q=" + encode("社区民警联系方式") + "&fq=" + encode("+organization:" + organization)
                + "&facet.field=" + encode("[\"organization\",\"tags\",\"update_cycle\",\"open_type\",\"res_format\"]")
                + "&facet.limit=3&sort=" + encode("id asc"));
        assertThat(found.get("count").asInt()).isEqualTo(2);
        List<String> ids = texts(found.get("results"), "id");
        assertThat(ids).containsExactlyInAnyOrder(opened.packageId(), second.packageId()).isSorted();
        JsonNode org = found.get("search_facets").get("organization");
        assertThat(org.get("title").asString()).isEqualTo("organization");
        assertThat(org.get("items").get(0).get("name").asString()).isEqualTo(organization);
        assertThat(org.get("items").get(0).get("display_name").asString()).isEqualTo(police.department().name());
        assertThat(org.get("items").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(found.get("search_facets").get("tags").get("items")).hasSize(3);
        assertThat(found.get("search_facets").get("update_cycle").get("items").get(0).get("display_name").asString())
                .isEqualTo("每月");
        assertThat(found.get("search_facets").get("open_type").get("items").get(0).get("display_name").asString())
                .isEqualTo("无条件开放");
        assertThat(found.get("facets").get("organization").get(organization).asInt()).isEqualTo(2);

        assertThat(ckan("package_search?q=" + encode("不存在的词语xyz") + "&fq=" + encode("organization:" + organization))
                .get("count").asInt()).isZero();
        JsonNode page = ckan("package_search?fq=" + encode("organization:" + organization) + "&rows=1&start=1&sort="
                + encode("metadata_modified desc"));
        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("results")).hasSize(1);
        assertThat(page.get("results").get(0).get("id").asString()).isEqualTo(opened.packageId());
        assertThat(ckan("package_search?fq=" + encode("tags:联系电话 organization:" + organization)).get("count").asInt())
                .isEqualTo(2);
        assertThat(ckan("package_search?fq=" + encode("-name:" + opened.name() + " organization:" + organization))
                .get("count").asInt()).isEqualTo(1);
        assertThat(ckan("package_search?rows=5000&fq=" + encode("organization:" + organization)).get("results"))
                .hasSize(2);

        Api.Response badRows = anonymous.get("/api/3/action/package_search?rows=ten");
        assertThat(badRows.status()).isEqualTo(409);
        assertThat(badRows.json().get("success").asBoolean()).isFalse();
        assertThat(badRows.json().get("error").get("__type").asString()).isEqualTo("Validation Error");
        assertThat(badRows.json().get("error").get("rows").get(0).asString()).isEqualTo("Invalid integer");
        Api.Response badField = anonymous.get("/api/3/action/package_search?fq=" + encode("secret_column:1"));
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.json().get("error").get("__type").asString()).isEqualTo("Search Query Error");
        Api.Response badSort = anonymous.get("/api/3/action/package_search?sort=" + encode("password asc"));
        assertThat(badSort.status()).isEqualTo(409);
        assertThat(badSort.json().get("error").get("__type").asString()).isEqualTo("Search Error");
    }

    @Test
    void organizationsGroupsTagsAndResourcesAreListedAndShown() {
        assertThat(texts(ckan("organization_list"), null)).contains(organization);
        JsonNode orgs = ckan("organization_list?all_fields=true&sort=" + encode("package_count desc") + "&limit=1000");
        assertThat(orgs.toString()).contains(organization);
        JsonNode org = ckan("organization_show?id=" + organization + "&include_datasets=true");
        assertThat(org.get("package_count").asInt()).isEqualTo(1);
        assertThat(org.get("packages").get(0).get("id").asString()).isEqualTo(opened.packageId());
        assertThat(ckan("organization_show?id=" + org.get("id").asString()).get("name").asString()).isEqualTo(organization);
        assertThat(anonymous.get("/api/3/action/organization_show?id=nobody").status()).isEqualTo(404);

        assertThat(reviewer.put("/api/v1/catalog/leads/101", Map.of("departmentId", police.department().id())).status())
                .isEqualTo(200);
        Map<String, Object> population = policeOffices();
        population.put("classification", Map.of("category", "BASE", "item", "01", "target", "001"));
        Opened base = open(publishedWithRecords(population, officesCsv(2, new ArrayList<>())), officeRules(),
                new ArrayList<>());
        assertThat(texts(ckan("group_list"), null)).contains("population");
        JsonNode group = ckan("group_show?id=population&include_datasets=true");
        assertThat(group.get("title").asString()).isEqualTo("人口");
        assertThat(texts(group.get("packages"), "id")).contains(base.packageId());
        assertThat(ckan("package_show?id=" + base.packageId()).get("groups").get(0).get("name").asString())
                .isEqualTo("population");
        assertThat(anonymous.get("/api/3/action/group_show?id=no-such-group").status()).isEqualTo(404);

        assertThat(texts(ckan("tag_list?query=" + encode("联系")), null)).contains("联系电话");
        assertThat(ckan("tag_list?all_fields=true&query=" + encode("联系电话")).get(0).get("vocabulary_id").isNull()).isTrue();

        JsonNode resource = ckan("resource_show?id=" + opened.resourceId());
        assertThat(resource.get("package_id").asString()).isEqualTo(opened.packageId());
        assertThat(resource.get("url_type").asString()).isEqualTo("datastore");
    }

    @Test
    void datastoreSearchFiltersSearchesSelectsAndPages() {
        String rid = opened.resourceId();
        JsonNode all = ckan("datastore_search?resource_id=" + rid);
        assertThat(all.get("total").asInt()).isEqualTo(12);
        assertThat(all.get("records")).hasSize(12);
        assertThat(texts(all.get("fields"), "id")).containsExactly("_id", "office_no", "office_name", "district",
                "officer", "phone", "officer_id", "remark");
        assertThat(all.get("fields").get(4).get("info").get("label").asString()).isEqualTo("社区民警");
        assertThat(all.get("fields").get(4).get("type").asString()).isEqualTo("text");
        assertThat(all.get("_links").get("start").asString()).isEqualTo("/api/3/action/datastore_search?resource_id=" + rid);
        assertThat(all.get("_links").get("next").asString()).contains("offset=100");
        assertThat(all.get("total_was_estimated").asBoolean()).isFalse();

        JsonNode filtered = ckan("datastore_search?resource_id=" + rid + "&filters=" + encode("{\"district\":\"芝罘区\"}")
                + "&fields=office_no,district&limit=2&offset=1");
        assertThat(filtered.get("total").asInt()).isEqualTo(6);
        assertThat(filtered.get("records")).hasSize(2);
        assertThat(filtered.get("records").get(0).get("office_no").asString()).isEqualTo("JWS0004");
        assertThat(filtered.get("records").get(1).get("office_no").asString()).isEqualTo("JWS0006");
        assertThat(texts(filtered.get("fields"), "id")).containsExactly("office_no", "district");
        assertThat(filtered.get("_links").get("next").asString()).contains("offset=3");

        JsonNode window = ckan("datastore_search?resource_id=" + rid + "&limit=5&offset=3");
        assertThat(texts(window.get("records"), "office_no")).containsExactly("JWS0004", "JWS0005", "JWS0006",
                "JWS0007", "JWS0008");
        JsonNode text = ckan("datastore_search?resource_id=" + rid + "&q=" + encode("夜间值守"));
        assertThat(text.get("total").asInt()).isEqualTo(1);
        assertThat(text.get("records").get(0).get("office_no").asString()).isEqualTo("JWS0010");
        JsonNode posted = anonymous.post("/api/action/datastore_search", Map.of("resource_id", rid, "filters",
                Map.of("district", List.of("芝罘区", "福山区")), "limit", "0")).json().get("result");
        assertThat(posted.get("total").asInt()).isEqualTo(12);
        assertThat(posted.get("records")).isEmpty();

        assertThat(error(anonymous.get("/api/3/action/datastore_search?resource_id=" + rid + "&fields=secret"), 409))
                .isEqualTo("Validation Error");
        assertThat(error(anonymous.get("/api/3/action/datastore_search?resource_id=" + rid + "&sort=district"), 409))
                .isEqualTo("Validation Error");
        assertThat(error(anonymous.get("/api/3/action/datastore_search?resource_id=" + rid + "&limit=-1"), 409))
                .isEqualTo("Validation Error");
        assertThat(error(anonymous.get("/api/3/action/datastore_search"), 409)).isEqualTo("Validation Error");
        assertThat(error(anonymous.get("/api/3/action/datastore_search?resource_id=nope"), 404))
                .isEqualTo("Not Found Error");
        assertThat(error(anonymous.get("/api/3/action/datastore_search_sql?sql=" + encode("select * from user_account")),
                403)).isEqualTo("Authorization Error");
    }

    @Test
    void conditionalDatasetsShowTheirMetadataButNoRecords() {
        Map<String, Object> conditional = policeOffices();
        conditional.put("openType", "CONDITIONAL_OPEN");
        conditional.put("openCondition", "仅向承担警务研究课题的科研机构提供");
        Opened onApplication = open(publishedWithRecords(conditional, officesCsv(3, new ArrayList<>())), officeRules(),
                new ArrayList<>());

        JsonNode p = ckan("package_show?id=" + onApplication.packageId());
        assertThat(extras(p)).containsEntry("open_type", "依申请开放")
                .containsEntry("open_condition", "仅向承担警务研究课题的科研机构提供");
        assertThat(p.get("isopen").asBoolean()).isFalse();
        assertThat(ckan("package_search?fq=" + encode("open_type:CONDITIONAL_OPEN organization:" + organization))
                .get("count").asInt()).isEqualTo(1);
        Api.Response search = anonymous.get("/api/3/action/datastore_search?resource_id=" + onApplication.resourceId());
        assertThat(error(search, 403)).isEqualTo("Authorization Error");
        Api.Response dump = anonymous.get("/datastore/dump/" + onApplication.resourceId());
        assertThat(dump.status()).isEqualTo(403);
        assertThat(dump.json().get("error").get("__type").asString()).isEqualTo("Authorization Error");
        assertThat(dump.body()).doesNotContain("JWS0001");
    }

    @Test
    void whatIsNotOpenIsInvisibleByEveryFormOfItsId() {
        Map<String, Object> notOpen = policeOffices();
        notOpen.put("openType", "NOT_OPEN");
        notOpen.put("openBasis", basis("中华人民共和国个人信息保护法", "第十三条"));
        long notOpenId = publishedWithRecords(notOpen, officesCsv(2, new ArrayList<>()));
        long unopenedId = publishedWithRecords(policeOffices(), officesCsv(2, new ArrayList<>()));
        long draftId = draft(police.api(), policeOffices()).id();
        for (long entryId : List.of(notOpenId, unopenedId, draftId)) {
            String code = police.api().get("/api/v1/catalog/entries/" + entryId).text("resourceCode");
            List<String> forms = new ArrayList<>(List.of(cn.govdata.open.release.PublicNames.packageId(entryId),
                    Long.toString(entryId)));
            if (code != null) {
                forms.add(code);
                forms.add(code.replace('/', '-'));
            }
            for (String form : forms) {
                assertThat(error(anonymous.get("/api/3/action/package_show?id=" + encode(form)), 404)).as(form)
                        .isEqualTo("Not Found Error");
            }
            String resourceId = cn.govdata.open.release.PublicNames.resourceId(entryId);
            assertThat(error(anonymous.get("/api/3/action/resource_show?id=" + resourceId), 404)).isEqualTo("Not Found Error");
            assertThat(error(anonymous.get("/api/3/action/datastore_search?resource_id=" + resourceId), 404))
                    .isEqualTo("Not Found Error");
            assertThat(anonymous.get("/datastore/dump/" + resourceId).status()).isEqualTo(404);
            assertThat(ckan("package_search?include_deleted=true&fq=" + encode("id:" + forms.get(0))).get("count").asInt())
                    .isZero();
        }
    }

    @Test
    void unknownWritingAndMalformedCallsAreCkanErrors() {
        assertThat(error(anonymous.get("/api/3/action/no_such_action"), 400)).isEqualTo("Bad Request");
        assertThat(error(anonymous.post("/api/3/action/package_create", Map.of("name", "x")), 403))
                .isEqualTo("Authorization Error");
        assertThat(error(anonymous.send("POST", "/api/3/action/package_search", "{not json", "Content-Type",
                "application/json"), 400)).isEqualTo("Bad Request");
        assertThat(error(anonymous.send("POST", "/api/3/action/package_search", "[1,2]", "Content-Type",
                "application/json"), 400)).isEqualTo("Bad Request");
        assertThat(error(anonymous.get("/api/3/action/package_show"), 409)).isEqualTo("Validation Error");
        assertThat(error(anonymous.get("/api/3/action/package_search?fq=" + encode("metadata_modified:[yesterday TO *]")),
                400)).isEqualTo("Search Query Error");
        Api.Response html = anonymous.get("/api/3/action/package_show?id=" + encode("<script>"));
        assertThat(html.contentType()).startsWith("application/json");
    }

    private String error(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.json().get("error").get("message").asString()).isNotBlank();
        return response.json().get("error").get("__type").asString();
    }

    private static Map<String, String> extras(JsonNode p) {
        Map<String, String> extras = new java.util.LinkedHashMap<>();
        p.get("extras").forEach(e -> extras.put(e.get("key").asString(), e.get("value").asString()));
        return extras;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(field == null ? n.asString() : n.get(field).asString()));
        return texts;
    }

    private static String json(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }
}

package cn.govdata.federation.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.open.OpenFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Harvesting through HTTP: a CKAN site served by the test (JSON written here) harvested twice, the second run
 * reading only the changes, a deletion withdrawn; a broken source reporting its failure while the others still run;
 * this platform harvested through its own CKAN-compatible API; a DCAT catalog in Turtle, paged with Hydra; bad
 * requests and other roles refused with problems.
 */
class HarvestSourceApiTest extends OpenFixtures {

    @Autowired
    Harvester harvester;

    @Autowired
    JdbcClient jdbc;

    private CkanShapedSource site;

    @BeforeEach
    void setUp() throws Exception {
        setUpOpenData();
        site = new CkanShapedSource();
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    @Test
    void aCkanSourceHarvestedTwiceReadsOnlyTheChangesAndWithdrawsWhatTheSourceDeleted() {
        for (int i = 1; i <= 3; i++) {
            site.put("p" + i, "公交线路" + i, "市交通运输局");
        }
        site.putUntitled("p-untitled");
        long sourceId = register("市开放平台（CKAN）" + unique(), "CKAN", site.url()).id();

        JsonNode first = run(sourceId);
        assertCounts(first, 3, 0, 0, 0, 1);
        assertThat(first.get("succeeded").asBoolean()).isTrue();
        assertThat(first.get("failures").get(0).asString()).contains("p-untitled").contains("no title");

        JsonNode kept = datasets(sourceId, false);
        assertThat(kept.get("total").asLong()).isEqualTo(3);
        JsonNode p1 = byId(kept, "p1");
        assertThat(p1.get("title").asString()).isEqualTo("公交线路1");
        assertThat(p1.get("organization").asString()).isEqualTo("市交通运输局");
        assertThat(p1.get("sourceUrl").asString()).isEqualTo(site.url());
        assertThat(p1.get("sourceName").asString()).startsWith("市开放平台（CKAN）");
        assertThat(p1.get("originalUrl").asString()).isEqualTo(site.url() + "/dataset/ds-p1");
        assertThat(p1.get("content").get("resources").get(0).get("url").asString()).endsWith("/download/p1.csv");
        assertThat(p1.get("withdrawn").asBoolean()).isFalse();

        JsonNode again = run(sourceId);
        assertCounts(again, 0, 0, 0, 0, 0);

        site.put("p2", "公交线路2（调整）", "市交通运输局");
        site.delete("p3");
        site.put("p4", "公交站点", "市交通运输局");
        int searchesBefore = site.searches();
        JsonNode second = run(sourceId);
        assertCounts(second, 1, 1, 0, 1, 0);
        assertThat(site.searches() - searchesBefore).as("one page of changes").isEqualTo(1);

        JsonNode all = datasets(sourceId, true);
        assertThat(all.get("total").asLong()).as("never a dataset twice").isEqualTo(4);
        assertThat(byId(all, "p2").get("title").asString()).isEqualTo("公交线路2（调整）");
        assertThat(byId(all, "p3").get("withdrawn").asBoolean()).isTrue();
        assertThat(datasets(sourceId, false).get("total").asLong()).isEqualTo(3);

        // the open-data cascade: anyone sees what was harvested, read-only, with its origin; a withdrawn one is gone
        Api.Response visible = anonymous.get("/api/v1/public/harvested?limit=100&q=" + encode("公交线路2（调整）"));
        assertThat(visible.status()).as(visible.body()).isEqualTo(200);
        JsonNode shown = null;
        for (JsonNode item : visible.json().get("items")) {
            if (item.get("origin").get("url").asString().equals(site.url())) {
                shown = item;
            }
        }
        assertThat(shown).as(visible.body()).isNotNull();
        assertThat(shown.get("title").asString()).isEqualTo("公交线路2（调整）");
        assertThat(shown.get("organization").asString()).isEqualTo("市交通运输局");
        assertThat(shown.get("origin").get("source").asString()).startsWith("市开放平台（CKAN）");
        assertThat(shown.get("origin").get("page").asString()).isEqualTo(site.url() + "/dataset/ds-p2");
        assertThat(anonymous.get("/api/v1/public/harvested/" + shown.get("id").asLong()).json().get("title")
                .asString()).isEqualTo("公交线路2（调整）");
        Api.Response gone = anonymous.get("/api/v1/public/harvested/" + byId(all, "p3").get("id").asLong());
        assertProblem(gone, 404, "NOT_FOUND");
        assertProblem(anonymous.get("/api/v1/public/harvested?limit=0"), 400, "INVALID_VALUE");
        assertThat(anonymous.put("/api/v1/public/harvested/" + shown.get("id").asLong(), Map.of()).status())
                .as("never editable here").isIn(401, 403, 404, 405);

        assertThat(jdbc.sql("select count(*) from federation_harvested_dataset where source_id = ?").param(sourceId)
                .query(Long.class).single()).isEqualTo(4);

        // the same content sent again with a new stamp is unchanged; a deleted one coming back is harvested again
        site.put("p1", "公交线路1", "市交通运输局");
        site.put("p3", "公交线路3", "市交通运输局");
        assertCounts(run(sourceId), 0, 1, 1, 0, 0);
        assertThat(byId(datasets(sourceId, false), "p3").get("withdrawn").asBoolean()).isFalse();

        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'federation.harvest.run' and object_id = ?")
                .param(String.valueOf(sourceId)).query(Long.class).single()).as("each run audited").isEqualTo(4);
        Api.Response source = admin.get("/api/v1/federation/harvest/sources/" + sourceId);
        assertThat(source.json().get("lastRun").get("updated").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/federation/harvest/sources/" + sourceId + "/runs").json()).hasSize(4);
    }

    @Test
    void aBrokenSourceReportsItsFailureAndTheOthersStillRun() {
        site.put("q1", "气象观测站", "市气象局");
        long broken = register("故障平台" + unique(), "CKAN", site.brokenUrl()).id();
        long good = register("正常平台" + unique(), "CKAN", site.url()).id();
        long unreachable = register("停机平台" + unique(), "CKAN", "http://127.0.0.1:1").id();
        long hanging = register("无响应平台" + unique(), "CKAN", site.slowUrl()).id();

        harvester.harvestDue();

        // the hanging source runs into its request timeout (5 s in the tests) without holding back the others
        JsonNode hangingRun = admin.get("/api/v1/federation/harvest/sources/" + hanging).json().get("lastRun");
        assertThat(hangingRun.get("succeeded").asBoolean()).isFalse();
        assertThat(hangingRun.get("error").asString()).contains("HttpTimeoutException");

        JsonNode brokenRun = admin.get("/api/v1/federation/harvest/sources/" + broken).json().get("lastRun");
        assertThat(brokenRun.get("succeeded").asBoolean()).isFalse();
        assertThat(brokenRun.get("error").asString()).contains("HTTP 500");
        JsonNode unreachableRun = admin.get("/api/v1/federation/harvest/sources/" + unreachable).json().get("lastRun");
        assertThat(unreachableRun.get("succeeded").asBoolean()).isFalse();
        assertThat(unreachableRun.get("error").asString()).contains("could not be read");
        JsonNode goodRun = admin.get("/api/v1/federation/harvest/sources/" + good).json().get("lastRun");
        assertThat(goodRun.get("succeeded").asBoolean()).as(goodRun.toString()).isTrue();
        assertThat(goodRun.get("trigger").asString()).isEqualTo("SCHEDULED");
        assertThat(goodRun.get("created").asInt()).isEqualTo(1);
        assertThat(java.time.OffsetDateTime.parse(goodRun.get("finishedAt").asString()))
                .as("finished while the hanging source still waited")
                .isBefore(java.time.OffsetDateTime.parse(hangingRun.get("finishedAt").asString()).minusSeconds(3));
        assertThat(jdbc.sql("select outcome from audit_entry where action = 'federation.harvest.run' and object_id = ?")
                .param(String.valueOf(broken)).query(String.class).list()).containsExactly("FAILURE");

        // not due again until its interval has passed
        harvester.harvestDue();
        assertThat(admin.get("/api/v1/federation/harvest/sources/" + good + "/runs").json()).hasSize(1);
        // a disabled source is not harvested on schedule
        assertThat(admin.post("/api/v1/federation/harvest/sources/" + broken + "/disable", Map.of()).json()
                .get("enabled").asBoolean()).isFalse();
        for (long id : List.of(broken, good, unreachable, hanging)) {
            assertThat(admin.delete("/api/v1/federation/harvest/sources/" + id).status()).isEqualTo(204);
        }
        assertThat(admin.get("/api/v1/federation/harvest/sources/" + good).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from federation_harvested_dataset where source_id = ?").param(good)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aGovdataPlatformIsHarvestedThroughItsOwnCkanApi() {
        Opened opened = openedOffices(1);
        long sourceId = register("本平台（自采）" + unique(), "GOVDATA", anonymous.baseUrl()).id();

        JsonNode first = run(sourceId);
        assertThat(first.get("succeeded").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.get("created").asInt()).isPositive();
        assertThat(first.get("failed").asInt()).isZero();
        JsonNode harvested = byId(datasets(sourceId, false), opened.packageId());
        assertThat(harvested.get("title").asString()).startsWith("社区警务室信息");
        assertThat(harvested.get("organization").asString()).isNotBlank();
        assertThat(harvested.get("originalUrl").asString())
                .isEqualTo(anonymous.baseUrl() + "/open/datasets/" + opened.name());

        Api.Response withdrawn = provider.post("/api/v1/open/datasets/" + opened.id() + "/withdraw",
                Map.of("reason", "数据调整"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        JsonNode second = run(sourceId);
        assertThat(second.get("withdrawn").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(second.get("created").asInt() + second.get("unchanged").asInt()).as("only what changed since")
                .isLessThan(first.get("created").asInt());
        assertThat(byId(datasets(sourceId, true), opened.packageId()).get("withdrawn").asBoolean()).isTrue();
    }

    @Test
    void aDcatCatalogInTurtleIsHarvestedAlongItsHydraPages() {
        site.serve("/dcat/catalog.ttl", "text/turtle", page1(site.url()));
        site.serve("/dcat/page2.ttl", "text/turtle", page2(site.url(), true));
        long sourceId = register("省数据目录（DCAT）" + unique(), "DCAT", site.url() + "/dcat/catalog.ttl").id();

        assertCounts(run(sourceId), 4, 0, 0, 0, 0);
        JsonNode bus = byId(datasets(sourceId, false), "bus");
        assertThat(bus.get("title").asString()).as("the Chinese title first").isEqualTo("公交线路");
        assertThat(bus.get("organization").asString()).isEqualTo("市交通运输局");
        assertThat(bus.get("originalUrl").asString()).isEqualTo(site.url() + "/pages/bus");
        assertThat(bus.get("sourceModified").asString()).isEqualTo("2026-12-01T08:00:00");
        assertThat(bus.get("content").get("resources").get(0).get("format").asString()).isEqualTo("CSV");
        assertThat(bus.get("content").get("tags").get(0).asString()).isEqualTo("交通");

        assertCounts(run(sourceId), 0, 0, 4, 0, 0);
        site.serve("/dcat/page2.ttl", "text/turtle", page2(site.url(), false));
        assertCounts(run(sourceId), 0, 0, 3, 1, 0);
        assertThat(byId(datasets(sourceId, true), "parks").get("withdrawn").asBoolean()).isTrue();

        // a page that is not Turtle fails the run and withdraws nothing
        site.serve("/dcat/page2.ttl", "text/turtle", "this is not turtle <<<");
        JsonNode failed = run(sourceId);
        assertThat(failed.get("succeeded").asBoolean()).isFalse();
        assertThat(failed.get("withdrawn").asInt()).isZero();
        assertThat(datasets(sourceId, false).get("total").asLong()).isEqualTo(3);
    }

    @Test
    void thisPlatformsOwnDcatCatalogIsHarvestedInJsonLdAlongItsPages() {
        Opened opened = openedOffices(1);
        long sourceId = register("本平台DCAT目录" + unique(), "DCAT", anonymous.baseUrl() + "/catalog.jsonld").id();

        JsonNode first = run(sourceId);
        assertThat(first.get("succeeded").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.get("failed").asInt()).as(first.toString()).isZero();
        JsonNode harvested = byId(datasets(sourceId, false), opened.resourceCode());
        assertThat(harvested.get("title").asString()).startsWith("社区警务室信息");
        assertThat(harvested.get("organization").asString()).isNotBlank();
        assertThat(harvested.get("originalUrl").asString())
                .isEqualTo(anonymous.baseUrl() + "/open/datasets/" + opened.name());
        assertThat(harvested.get("content").get("resources")).isNotEmpty();

        Api.Response withdrawn = provider.post("/api/v1/open/datasets/" + opened.id() + "/withdraw",
                Map.of("reason", "数据调整"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        JsonNode second = run(sourceId);
        assertThat(second.get("withdrawn").asInt()).as(second.toString()).isGreaterThanOrEqualTo(1);
        assertThat(byId(datasets(sourceId, true), opened.resourceCode()).get("withdrawn").asBoolean()).isTrue();
    }

    @Test
    void badSourcesAndOtherRolesAreRefusedWithProblems() {
        assertProblem(admin.post("/api/v1/federation/harvest/sources", Map.of()), 400, "FIELD_REQUIRED");
        assertProblem(admin.post("/api/v1/federation/harvest/sources", source("甲", "OAI", site.url())), 400,
                "INVALID_VALUE");
        assertProblem(admin.post("/api/v1/federation/harvest/sources", source("甲", "CKAN", "not a url")), 400,
                "PEER_URL_INVALID");
        assertProblem(admin.post("/api/v1/federation/harvest/sources", source("甲", "CKAN", "ftp://data.example.cn")),
                400, "PEER_URL_INVALID");
        assertProblem(admin.post("/api/v1/federation/harvest/sources", source("甲", "CKAN", "http://data.example.cn")),
                400, "PEER_URL_NOT_HTTPS");
        Map<String, Object> tooOften = source("甲", "CKAN", site.url());
        tooOften.put("intervalMinutes", 1);
        assertProblem(admin.post("/api/v1/federation/harvest/sources", tooOften), 400, "INVALID_VALUE");
        Map<String, Object> noSuchDepartment = source("甲", "CKAN", site.url());
        noSuchDepartment.put("departmentId", 987654321L);
        assertProblem(admin.post("/api/v1/federation/harvest/sources", noSuchDepartment), 400, "INVALID_VALUE");
        Map<String, Object> withDepartment = source("公安数据" + unique(), "CKAN", site.url());
        withDepartment.put("departmentId", police.department().id());
        Api.Response registered = admin.post("/api/v1/federation/harvest/sources", withDepartment);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("departmentId").asLong()).isEqualTo(police.department().id());
        assertProblem(admin.post("/api/v1/federation/harvest/sources", source("乙", "CKAN", site.url() + "/")), 409,
                "HARVEST_SOURCE_EXISTS");
        assertProblem(admin.post("/api/v1/federation/harvest/sources/987654321/run", Map.of()), 404, "NOT_FOUND");
        assertProblem(admin.get("/api/v1/federation/harvest/sources/" + registered.id() + "/runs?limit=0"), 400,
                "INVALID_VALUE");

        // only the data authority's system administrator
        assertProblem(reviewer.post("/api/v1/federation/harvest/sources", source("丙", "CKAN", site.url())), 403,
                "FORBIDDEN");
        assertProblem(police.api().get("/api/v1/federation/harvest/sources"), 403, "FORBIDDEN");
        assertProblem(provider.post("/api/v1/federation/harvest/sources/" + registered.id() + "/run", Map.of()), 403,
                "FORBIDDEN");
        assertThat(anonymous.get("/api/v1/federation/harvest/sources").status()).isEqualTo(401);

        // a source being harvested (here: claimed by a run on another node) is neither run again nor deleted
        jdbc.sql("update federation_harvest_source set running_since = current_timestamp where id = ?")
                .param(registered.id()).update();
        assertProblem(admin.post("/api/v1/federation/harvest/sources/" + registered.id() + "/run", Map.of()), 409,
                "HARVEST_RUNNING");
        assertProblem(admin.delete("/api/v1/federation/harvest/sources/" + registered.id()), 409, "HARVEST_RUNNING");
        jdbc.sql("update federation_harvest_source set running_since = null where id = ?").param(registered.id())
                .update();
        assertThat(admin.delete("/api/v1/federation/harvest/sources/" + registered.id()).status()).isEqualTo(204);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Api.Response register(String name, String kind, String url) {
        Api.Response registered = admin.post("/api/v1/federation/harvest/sources", source(name, kind, url));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered;
    }

    private JsonNode run(long sourceId) {
        Api.Response run = admin.post("/api/v1/federation/harvest/sources/" + sourceId + "/run", Map.of());
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        return run.json();
    }

    private JsonNode datasets(long sourceId, boolean withdrawn) {
        Api.Response page = admin.get("/api/v1/federation/harvest/sources/" + sourceId + "/datasets?limit=500"
                + "&withdrawn=" + withdrawn);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json();
    }

    private static JsonNode byId(JsonNode page, String sourceDatasetId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            if (item.get("sourceDatasetId").asString().equals(sourceDatasetId)) {
                return item;
            }
            ids.add(item.get("sourceDatasetId").asString());
        }
        throw new AssertionError(sourceDatasetId + " not among " + ids);
    }

    private static void assertCounts(JsonNode run, int created, int updated, int unchanged, int withdrawn,
            int failed) {
        assertThat(List.of(run.get("created").asInt(), run.get("updated").asInt(), run.get("unchanged").asInt(),
                run.get("withdrawn").asInt(), run.get("failed").asInt())).as(run.toString())
                .containsExactly(created, updated, unchanged, withdrawn, failed);
    }

    private static Map<String, Object> source(String name, String kind, String url) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", name);
        source.put("kind", kind);
        source.put("url", url);
        source.put("intervalMinutes", 60);
        return source;
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.body()).isEqualTo(code);
    }

    private static final String PREFIXES = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix foaf: <http://xmlns.com/foaf/0.1/> .
            @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;

    private static String page1(String site) {
        return PREFIXES + """
                <%1$s/dcat/catalog.ttl> a hydra:PagedCollection ; hydra:totalItems 4 ;
                    hydra:nextPage "%1$s/dcat/page2.ttl" .
                <%1$s/catalog> a dcat:Catalog ; dct:title "省公共数据目录"@zh ;
                    dcat:dataset <%1$s/dataset/bus>, <%1$s/dataset/air> .
                <%1$s/dataset/bus> a dcat:Dataset ; dct:identifier "bus" ;
                    dct:title "Bus lines"@en, "公交线路"@zh ; dct:description "全市公交线路及站点。"@zh ;
                    dct:modified "2026-12-01T08:00:00"^^xsd:dateTime ; dcat:landingPage <%1$s/pages/bus> ;
                    dct:publisher [ a foaf:Agent ; foaf:name "市交通运输局"@zh ] ; dcat:keyword "交通"@zh ;
                    dcat:distribution [ a dcat:Distribution ; dcat:accessURL <%1$s/files/bus.csv> ;
                        dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ] .
                <%1$s/dataset/air> a dcat:Dataset ; dct:identifier "air" ; dct:title "空气质量日报"@zh ;
                    dct:modified "2026-12-02"^^xsd:date .
                """.formatted(site);
    }

    private static String page2(String site, boolean withParks) {
        return PREFIXES + """
                <%1$s/dcat/page2.ttl> a hydra:PagedCollection ; hydra:totalItems 4 .
                <%1$s/dataset/wells> a dcat:Dataset ; dct:identifier "wells" ; dct:title "地下水监测井"@zh .
                """.formatted(site) + (withParks ? """
                <%1$s/dataset/parks> a dcat:Dataset ; dct:identifier "parks" ; dct:title "城市公园"@zh .
                """.formatted(site) : "");
    }
}

package cn.govdata.open.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.open.OpenFixtures;
import cn.govdata.support.Api;

/**
 * The DCAT-AP 3 documents through real HTTP: every kind (a catalog page, a dataset) in every syntax conforms to the
 * DCAT-AP 3.0.1 shapes ({@code shapes.ttl} and {@code range.ttl}, validated by Jena SHACL) and carries the catalog's
 * facts; the catalog is paged with Hydra as ckanext-dcat pages it (two datasets a page here); only unconditionally
 * open datasets appear; {@code /catalog} follows the Accept header; a bad page number is an RFC 9457 problem.
 */
@TestPropertySource(properties = "govdata.open.dcat.page-size=2")
class DcatApiTest extends OpenFixtures {

    /** A context of its own needs a data directory of its own (the catalog's search index is locked per directory). */
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-dcat-"
            + java.util.UUID.randomUUID();
    private static final Shapes SHAPES = shapes("shapes.ttl", "range.ttl");
    private static final Map<String, Lang> SYNTAXES = Map.of("ttl", Lang.TURTLE, "jsonld", Lang.JSONLD,
            "rdf", Lang.RDFXML);

    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final Resource DATASET = ResourceFactory.createResource(DCAT + "Dataset");

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    @BeforeEach
    void setUp() {
        setUpOpenData();
    }

    @Test
    void everyDocumentConformsToDcatAp3InEverySyntaxAndCarriesTheCatalogsFacts() {
        Api.Response lead = reviewer.put("/api/v1/catalog/leads/210", Map.of("departmentId", police.department().id()));
        assertThat(lead.status()).as(lead.body()).isEqualTo(200);
        Map<String, Object> ecology = policeOffices();
        ecology.put("classification", Map.of("category", "THEMATIC", "item", "10"));
        Opened opened = open(publishedWithRecords(ecology, officesCsv(3, new ArrayList<>())), officeRules(),
                new ArrayList<>());
        openedOffices(1);
        openedOffices(1);  // three datasets at least: a second page
        for (Map.Entry<String, Lang> syntax : SYNTAXES.entrySet()) {
            String ext = syntax.getKey();
            for (String path : List.of("/catalog." + ext, "/catalog." + ext + "?page=2",
                    "/dataset/" + opened.packageId() + "." + ext)) {
                Model document = read(path, syntax.getValue());
                assertConforms(path, document);
            }
        }
        Model broken = read("/dataset/" + opened.packageId() + ".ttl", Lang.TURTLE);
        broken.removeAll(null, dct("title"), null);
        assertThat(ShaclValidator.get().validate(SHAPES, broken.getGraph()).conforms())
                .as("the shapes do catch a dataset without its mandatory title").isFalse();
        Api.Response jsonLd = anonymous.get("/dataset/" + opened.packageId() + ".jsonld");
        assertThat(jsonLd.contentType()).startsWith("application/ld+json");
        assertThat(jsonLd.json().get("@context").isObject()).as("the context inline, not fetched").isTrue();

        Model model = read("/dataset/" + opened.packageId() + ".ttl", Lang.TURTLE);
        Resource dataset = model.listSubjectsWithProperty(RDF.type, DATASET).next();
        assertThat(dataset.getURI()).endsWith("/dataset/" + opened.packageId());
        assertThat(dataset.getProperty(dct("title")).getLanguage()).isEqualTo("zh");
        assertThat(dataset.getProperty(dct("title")).getString()).startsWith("社区警务室信息");
        assertThat(dataset.getProperty(dct("identifier")).getString()).isEqualTo(opened.resourceCode());
        Resource publisher = dataset.getPropertyResourceValue(dct("publisher"));
        assertThat(publisher.getProperty(ResourceFactory.createProperty("http://xmlns.com/foaf/0.1/name")).getString())
                .isEqualTo(police.department().name());
        Resource contact = dataset.getPropertyResourceValue(dcat("contactPoint"));
        assertThat(contact.getProperty(ResourceFactory.createProperty("http://www.w3.org/2006/vcard/ns#fn"))
                .getString()).isEqualTo(police.department().name());
        assertThat(objects(dataset, dcat("theme"))).as("生态环保 is the EU's environment theme")
                .containsExactly("http://publications.europa.eu/resource/authority/data-theme/ENVI");
        assertThat(objects(dataset, dct("accrualPeriodicity")))
                .containsExactly("http://publications.europa.eu/resource/authority/frequency/MONTHLY");
        Resource spatial = dataset.getPropertyResourceValue(dct("spatial"));
        assertThat(spatial.getProperty(dct("identifier")).getString()).matches("\\d{6}");
        Resource temporal = dataset.getPropertyResourceValue(dct("temporal"));
        assertThat(temporal.getProperty(dcat("startDate")).getString()).isEqualTo("2026-01-15");
        assertThat(dataset.getProperty(dct("modified")).getLiteral().getLexicalForm())
                .as("UTC ISO 8601").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(objects(dataset, dcat("keyword"))).isNotEmpty();
        List<String> downloads = new ArrayList<>();
        dataset.listProperties(dcat("distribution")).forEachRemaining(d -> {
            Resource distribution = d.getResource();
            assertThat(distribution.getPropertyResourceValue(dct("license"))).isNotNull();
            assertThat(distribution.getPropertyResourceValue(dcat("accessURL"))).isNotNull();
            downloads.add(distribution.getPropertyResourceValue(dcat("downloadURL")).getURI());
        });
        assertThat(downloads).hasSize(2).allMatch(url -> url.contains("/datastore/dump/" + opened.resourceId()));
        String dump = downloads.get(0).substring(downloads.get(0).indexOf("/datastore/"));
        assertThat(anonymous.download(dump).status()).as("the download URL answers").isEqualTo(200);
    }

    @Test
    void theCatalogIsPagedWithHydraAndShowsOnlyUnconditionallyOpenData() {
        List<Opened> open = List.of(openedOffices(1), openedOffices(1), openedOffices(1));
        Map<String, Object> conditional = policeOffices();
        conditional.put("openType", "CONDITIONAL_OPEN");
        conditional.put("openCondition", "仅向承担警务研究课题的科研机构提供");
        Opened onApplication = open(publishedWithRecords(conditional, officesCsv(1, new ArrayList<>())), officeRules(),
                new ArrayList<>());
        Map<String, Object> unopened = policeOffices();
        published(police, unopened);
        Opened withdrawn = openedOffices(1);
        assertThat(provider.post("/api/v1/open/datasets/" + withdrawn.id() + "/withdraw", Map.of("reason", "调整"))
                .status()).isEqualTo(200);

        List<String> seen = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Map<String, Integer> pageOf = new java.util.HashMap<>();
        String next = "/catalog.ttl";
        String first = null;
        long last = 0;
        int pages = 0;
        while (next != null) {
            Model page = read(next, Lang.TURTLE);
            pages++;
            Resource paging = page.listSubjectsWithProperty(RDF.type, ResourceFactory.createResource(HYDRA
                    + "PagedCollection")).next();
            assertThat(paging.getProperty(hydra("itemsPerPage")).getInt()).isEqualTo(2);
            long total = paging.getProperty(hydra("totalItems")).getLong();
            assertThat(total).isGreaterThanOrEqualTo(3);
            last = (total + 1) / 2;
            assertThat(paging.getProperty(hydra("lastPage")).getString()).endsWith("/catalog.ttl?page=" + last);
            if (first == null) {
                first = paging.getProperty(hydra("firstPage")).getString();
                assertThat(first).endsWith("/catalog.ttl?page=1");
                assertThat(paging.getProperty(hydra("previousPage"))).as("none before the first").isNull();
            } else {
                assertThat(paging.getProperty(hydra("firstPage")).getString()).isEqualTo(first);
                assertThat(paging.getProperty(hydra("previousPage")).getString()).endsWith("?page=" + (pages - 1));
            }
            List<Resource> datasets = page.listSubjectsWithProperty(RDF.type, DATASET).toList();
            assertThat(datasets).hasSizeBetween(1, 2);
            Resource catalog = page.listSubjectsWithProperty(RDF.type, ResourceFactory.createResource(DCAT + "Catalog"))
                    .next();
            assertThat(catalog.listProperties(dcat("dataset")).toList()).hasSameSizeAs(datasets);
            datasets.forEach(d -> seen.add(d.getURI().substring(d.getURI().lastIndexOf('/') + 1)));
            datasets.forEach(d -> titles.add(d.getProperty(dct("title")).getString()));
            int number = pages;
            datasets.forEach(d -> pageOf.put(d.getURI().substring(d.getURI().lastIndexOf('/') + 1), number));
            Statement nextPage = paging.getProperty(hydra("nextPage"));
            next = nextPage == null ? null : nextPage.getString().substring(nextPage.getString().indexOf("/catalog"));
        }
        assertThat(pages).as("the pages up to the last").isEqualTo(last);
        assertThat(new HashSet<>(seen)).as("each dataset once").hasSameSizeAs(seen);
        assertThat(seen).contains(open.get(0).packageId(), open.get(1).packageId(), open.get(2).packageId())
                .doesNotContain(onApplication.packageId(), withdrawn.packageId());
        assertThat(pageOf.get(open.get(2).packageId())).as("newest change first (a graph has no order within a page)")
                .isLessThanOrEqualTo(pageOf.get(open.get(0).packageId()));

        assertThat(anonymous.get("/dataset/" + open.get(0).packageId() + ".rdf").status()).isEqualTo(200);
        assertThat(titles).as("published but never opened").doesNotContain((String) unopened.get("name"))
                .doesNotContain((String) conditional.get("name"));
        for (String hidden : List.of(onApplication.packageId(), withdrawn.packageId(), "no-such-dataset")) {
            Api.Response refused = anonymous.get("/dataset/" + hidden + ".ttl");
            assertThat(refused.status()).as(hidden).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void theCatalogAndADatasetAnswerInTheSyntaxTheClientAccepts() {
        Opened opened = openedOffices(1);
        Map<String, String> expected = Map.of("text/turtle", "text/turtle", "application/ld+json",
                "application/ld+json", "application/rdf+xml", "application/rdf+xml",
                "application/rdf+xml;q=0.5, text/turtle;q=0.9", "text/turtle",
                "text/html;q=0.9, application/ld+json", "application/ld+json", "*/*", "text/turtle");
        for (Map.Entry<String, String> accept : expected.entrySet()) {
            for (String path : List.of("/catalog", "/dataset/" + opened.packageId())) {
                Api.Response response = anonymous.send("GET", path, null, "Accept", accept.getKey());
                assertThat(response.status()).as(path + " " + accept.getKey()).isEqualTo(200);
                assertThat(response.contentType()).as(accept.getKey()).startsWith(accept.getValue());
                Lang lang = accept.getValue().equals("text/turtle") ? Lang.TURTLE
                        : accept.getValue().equals("application/ld+json") ? Lang.JSONLD : Lang.RDFXML;
                assertThat(parse(response.body(), lang).contains(null, RDF.type, DATASET)).isTrue();
            }
        }
        Api.Response html = anonymous.send("GET", "/catalog", null, "Accept", "text/html");
        assertThat(html.status()).isEqualTo(406);
        assertThat(html.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.get("/catalog.rdf").contentType()).as("the extension decides")
                .startsWith("application/rdf+xml");
    }

    @Test
    void modifiedSinceNarrowsTheCatalogToWhatChangedSinceAndThePageLinksKeepIt() {
        Opened before = openedOffices(1);
        Opened from = openedOffices(1);
        Opened after = openedOffices(1);
        String since = ckan("package_show?id=" + from.packageId()).get("metadata_modified").asString() + "Z";

        Model page = read("/catalog.ttl?modified_since=" + since, Lang.TURTLE);
        List<String> ids = page.listSubjectsWithProperty(RDF.type, DATASET).toList().stream()
                .map(d -> d.getURI().substring(d.getURI().lastIndexOf('/') + 1)).toList();
        assertThat(ids).as("from the change at the bound on").containsExactlyInAnyOrder(after.packageId(),
                from.packageId());
        Resource paging = page.listSubjectsWithProperty(RDF.type, ResourceFactory.createResource(HYDRA
                + "PagedCollection")).next();
        assertThat(paging.getProperty(hydra("totalItems")).getLong()).isEqualTo(2);
        assertThat(paging.getProperty(hydra("firstPage")).getString()).contains("modified_since=").endsWith("page=1");
        assertThat(ids).doesNotContain(before.packageId());

        Api.Response bad = anonymous.get("/catalog.ttl?modified_since=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_VALUE");
    }

    @Test
    void aBadPageNumberIsAProblemNeverAServerError() {
        openedOffices(1);
        for (String page : List.of("0", "-1", "abc", "1.5", "99999999999", "999999")) {
            Api.Response response = anonymous.get("/catalog.ttl?page=" + page);
            assertThat(response.status()).as(page).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("INVALID_VALUE");
        }
        assertThat(anonymous.send("GET", "/catalog?page=0", null, "Accept", "text/turtle").status()).isEqualTo(400);
    }

    // ---- reading and validating

    private Model read(String path, Lang lang) {
        Api.Response response = anonymous.get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return parse(response.body(), lang);
    }

    private static Model parse(String body, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(graph);
        return ModelFactory.createModelForGraph(graph);
    }

    private static void assertConforms(String path, Model document) {
        ValidationReport report = ShaclValidator.get().validate(SHAPES, document.getGraph());
        List<String> violations = report.getEntries().stream().map(ReportEntry::toString).toList();
        assertThat(violations).as(path + " conforms to DCAT-AP 3.0.1").isEmpty();
        assertThat(report.conforms()).isTrue();
        assertThat(document.contains(null, RDF.type, DATASET)).as(path + " holds a dataset to validate").isTrue();
    }

    private static Shapes shapes(String... files) {
        Graph graph = GraphFactory.createDefaultGraph();
        for (String file : files) {
            try (InputStream in = DcatApiTest.class.getResourceAsStream("/dcat-ap/" + file)) {
                RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Shapes.parse(graph);
    }

    private static List<String> objects(Resource subject, Property property) {
        List<String> values = new ArrayList<>();
        subject.listProperties(property).forEachRemaining(s -> {
            RDFNode o = s.getObject();
            values.add(o.isURIResource() ? o.asResource().getURI() : o.isLiteral() ? o.asLiteral().getString() : "_");
        });
        return values;
    }

    private static Property dct(String local) {
        return ResourceFactory.createProperty(DCT, local);
    }

    private static Property dcat(String local) {
        return ResourceFactory.createProperty(DCAT, local);
    }

    private static Property hydra(String local) {
        return ResourceFactory.createProperty(HYDRA, local);
    }
}

package cn.govdata.federation.harvest;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.springframework.stereotype.Component;

import cn.govdata.federation.harvest.SourceHttp.SourceFailure;

/**
 * Reads a DCAT catalog document (Turtle, RDF/XML or JSON-LD, by its media type, else by its address) with Apache
 * Jena, page after page along Hydra's {@code next} / {@code nextPage} as ckanext-dcat pages, each page on the
 * source's own scheme, host and port. A DCAT catalog has no query by date, so it is read whole each run and each
 * dataset's {@code dct:modified} and content are compared with what was kept; what it no longer lists is withdrawn.
 */
@Component
class DcatSourceReader {

    static final int MAX_PAGES = 10_000;
    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final String FOAF_NAME = "http://xmlns.com/foaf/0.1/name";
    private static final String ACCEPT = "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8";

    private final SourceHttp http;

    DcatSourceReader(SourceHttp http) {
        this.http = http;
    }

    /** Every dataset the catalog lists, page by page; the datasets of a failed page are not read. */
    void read(HarvestSources.Target source, CkanSourceReader.Pages pages) {
        Set<String> visited = new HashSet<>();
        String url = source.url();
        while (url != null && visited.add(url)) {
            if (visited.size() > MAX_PAGES) {
                throw new SourceFailure("more than " + MAX_PAGES + " pages");
            }
            Model model = parse(url, http.get(url, ACCEPT));
            List<HarvestedRecord> page = new ArrayList<>();
            model.listResourcesWithProperty(RDF.type, DCAT.Dataset).forEachRemaining(d -> page.add(record(model, d)));
            pages.page(page, null, java.util.Set.of());
            url = next(source.url(), model);
        }
    }

    private static Model parse(String url, SourceHttp.Document document) {
        Lang lang = document.mediaType().isEmpty() ? null : RDFLanguages.contentTypeToLang(document.mediaType());
        if (lang == null || document.mediaType().equals("text/plain")) { // a file served as text: by its name
            lang = RDFLanguages.filenameToLang(URI.create(url).getPath(), Lang.TURTLE);
        }
        Model model = ModelFactory.createDefaultModel();
        try {
            RDFParser.create().source(new StringReader(document.body())).base(url).lang(lang).parse(model);
        } catch (RuntimeException e) {
            throw new SourceFailure(url + " is not " + lang.getLabel() + ": " + e.getMessage());
        }
        return model;
    }

    private static HarvestedRecord record(Model model, Resource dataset) {
        String iri = dataset.isURIResource() ? dataset.getURI() : null;
        String identifier = literal(dataset, DCTerms.identifier);
        String id = identifier != null ? identifier : iri;
        String title = literal(dataset, DCTerms.title);
        Resource landing = resource(dataset, DCAT.landingPage);
        String publisher = null;
        Resource publisherNode = resource(dataset, DCTerms.publisher);
        if (publisherNode != null) {
            publisher = literal(publisherNode, model.createProperty(FOAF_NAME));
        }
        List<String> keywords = new ArrayList<>();
        dataset.listProperties(DCAT.keyword).forEachRemaining(s -> {
            if (s.getObject().isLiteral()) {
                keywords.add(s.getLiteral().getLexicalForm());
            }
        });
        List<HarvestedRecord.Resource> distributions = new ArrayList<>();
        dataset.listProperties(DCAT.distribution).forEachRemaining(s -> {
            if (s.getObject().isResource()) {
                Resource distribution = s.getResource();
                Resource access = resource(distribution, DCAT.downloadURL);
                if (access == null) {
                    access = resource(distribution, DCAT.accessURL);
                }
                distributions.add(new HarvestedRecord.Resource(literal(distribution, DCTerms.title),
                        access == null ? null : access.getURI(), format(distribution)));
            }
        });
        distributions.sort(java.util.Comparator.comparing(r -> Objects.toString(r.url(), "")));
        keywords.sort(null);
        // DCAT-AP puts the licence on the distributions; some catalogs put it on the dataset
        Resource license = resource(dataset, DCTerms.license);
        for (Statement s : dataset.listProperties(DCAT.distribution).toList()) {
            if (license == null && s.getObject().isResource()) {
                license = resource(s.getResource(), DCTerms.license);
            }
        }
        return new HarvestedRecord(id, null, title, literal(dataset, DCTerms.description), publisher,
                landing != null ? landing.getURI() : iri, literal(dataset, DCTerms.modified), false, keywords,
                distributions, license == null ? null : license.getURI());
    }

    /** The next page's address, if the page names one on the source's own scheme, host and port. */
    private static String next(String sourceUrl, Model model) {
        for (String term : List.of("next", "nextPage")) {
            Property property = model.createProperty(HYDRA + term);
            List<Statement> statements = model.listStatements(null, property, (RDFNode) null).toList();
            for (Statement statement : statements) {
                RDFNode object = statement.getObject();
                String next = object.isURIResource() ? object.asResource().getURI()
                        : object.isLiteral() ? object.asLiteral().getLexicalForm() : null;
                if (next != null) {
                    if (!sameOrigin(sourceUrl, next)) {
                        throw new SourceFailure("the next page " + next + " is not on the source's address");
                    }
                    return next;
                }
            }
        }
        return null;
    }

    private static boolean sameOrigin(String a, String b) {
        try {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return Objects.equals(lower(x.getScheme()), lower(y.getScheme()))
                    && Objects.equals(lower(x.getHost()), lower(y.getHost())) && port(x) == port(y);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** A literal of the property, the Chinese one first if there are several languages. */
    private static String literal(Resource subject, Property property) {
        String any = null;
        for (Statement statement : subject.listProperties(property).toList()) {
            if (!statement.getObject().isLiteral()) {
                continue;
            }
            Literal literal = statement.getLiteral();
            if (literal.getLanguage().toLowerCase(Locale.ROOT).startsWith("zh")) {
                return literal.getLexicalForm();
            }
            if (any == null || literal.getLanguage().isEmpty()) {
                any = literal.getLexicalForm();
            }
        }
        return any;
    }

    private static Resource resource(Resource subject, Property property) {
        Statement statement = subject.getProperty(property);
        return statement != null && statement.getObject().isResource() ? statement.getResource() : null;
    }

    private static String format(Resource distribution) {
        Statement statement = distribution.getProperty(DCTerms.format);
        if (statement == null) {
            statement = distribution.getProperty(DCAT.mediaType);
        }
        if (statement == null) {
            return null;
        }
        RDFNode format = statement.getObject();
        if (format.isLiteral()) {
            return format.asLiteral().getLexicalForm();
        }
        if (format.isURIResource()) {
            String uri = format.asResource().getURI();
            return uri.substring(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#')) + 1);
        }
        return null;
    }
}

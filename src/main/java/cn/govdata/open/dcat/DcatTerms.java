package cn.govdata.open.dcat;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of DCAT, Dublin Core, FOAF, vCard, SKOS, W3C Time and Hydra the documents use, in one place. */
final class DcatTerms {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String EU = "http://publications.europa.eu/resource/authority/";

    static final Resource CATALOG = resource(DCAT, "Catalog");
    static final Resource DATASET = resource(DCAT, "Dataset");
    static final Resource DISTRIBUTION = resource(DCAT, "Distribution");
    static final Property DATASET_PROPERTY = property(DCAT, "dataset");
    static final Property DISTRIBUTION_PROPERTY = property(DCAT, "distribution");
    static final Property ACCESS_URL = property(DCAT, "accessURL");
    static final Property DOWNLOAD_URL = property(DCAT, "downloadURL");
    static final Property MEDIA_TYPE = property(DCAT, "mediaType");
    static final Property KEYWORD = property(DCAT, "keyword");
    static final Property THEME = property(DCAT, "theme");
    static final Property THEME_TAXONOMY = property(DCAT, "themeTaxonomy");
    static final Property CONTACT_POINT = property(DCAT, "contactPoint");
    static final Property LANDING_PAGE = property(DCAT, "landingPage");
    static final Property START_DATE = property(DCAT, "startDate");
    static final Property END_DATE = property(DCAT, "endDate");

    static final Property TITLE = property(DCT, "title");
    static final Property DESCRIPTION = property(DCT, "description");
    static final Property IDENTIFIER = property(DCT, "identifier");
    static final Property ISSUED = property(DCT, "issued");
    static final Property MODIFIED = property(DCT, "modified");
    static final Property PUBLISHER = property(DCT, "publisher");
    static final Property LANGUAGE = property(DCT, "language");
    static final Property LICENSE = property(DCT, "license");
    static final Property SPATIAL = property(DCT, "spatial");
    static final Property TEMPORAL = property(DCT, "temporal");
    static final Property ACCRUAL_PERIODICITY = property(DCT, "accrualPeriodicity");
    static final Property ACCESS_RIGHTS = property(DCT, "accessRights");
    static final Property FORMAT = property(DCT, "format");
    static final Property TYPE = property(DCT, "type");
    static final Resource LOCATION = resource(DCT, "Location");
    static final Resource PERIOD_OF_TIME = resource(DCT, "PeriodOfTime");
    static final Resource FREQUENCY = resource(DCT, "Frequency");
    static final Resource LICENSE_DOCUMENT = resource(DCT, "LicenseDocument");
    static final Resource LINGUISTIC_SYSTEM = resource(DCT, "LinguisticSystem");
    static final Resource RIGHTS_STATEMENT = resource(DCT, "RightsStatement");
    static final Resource MEDIA_TYPE_OR_EXTENT = resource(DCT, "MediaTypeOrExtent");
    static final Resource MEDIA_TYPE_CLASS = resource(DCT, "MediaType");

    static final Resource AGENT = resource(FOAF, "Agent");
    static final Resource ORGANIZATION = resource(FOAF, "Organization");
    static final Resource DOCUMENT = resource(FOAF, "Document");
    static final Property NAME = property(FOAF, "name");
    static final Property HOMEPAGE = property(FOAF, "homepage");

    static final Resource VCARD_KIND = resource(VCARD, "Kind");
    static final Resource VCARD_ORGANIZATION = resource(VCARD, "Organization");
    static final Property VCARD_FN = property(VCARD, "fn");
    static final Property VCARD_URL = property(VCARD, "hasURL");

    static final Resource CONCEPT = resource(SKOS, "Concept");
    static final Resource CONCEPT_SCHEME = resource(SKOS, "ConceptScheme");
    static final Property PREF_LABEL = property(SKOS, "prefLabel");
    static final Property IN_SCHEME = property(SKOS, "inScheme");
    static final Property NOTATION = property(SKOS, "notation");

    static final Resource PAGED_COLLECTION = resource(HYDRA, "PagedCollection");
    static final Property TOTAL_ITEMS = property(HYDRA, "totalItems");
    static final Property ITEMS_PER_PAGE = property(HYDRA, "itemsPerPage");
    static final Property FIRST_PAGE = property(HYDRA, "firstPage");
    static final Property LAST_PAGE = property(HYDRA, "lastPage");
    static final Property NEXT_PAGE = property(HYDRA, "nextPage");
    static final Property PREVIOUS_PAGE = property(HYDRA, "previousPage");

    /** Chinese, in the EU's language authority table. */
    static final Resource CHINESE = ResourceFactory.createResource(EU + "language/ZHO");
    /** Open to anyone, in the EU's access-right authority table. */
    static final Resource PUBLIC_ACCESS = ResourceFactory.createResource(EU + "access-right/PUBLIC");

    private DcatTerms() {
    }

    private static Resource resource(String namespace, String local) {
        return ResourceFactory.createResource(namespace + local);
    }

    private static Property property(String namespace, String local) {
        return ResourceFactory.createProperty(namespace, local);
    }
}

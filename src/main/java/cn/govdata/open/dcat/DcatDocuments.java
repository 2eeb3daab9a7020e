package cn.govdata.open.dcat;

import static cn.govdata.open.dcat.DcatTerms.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.springframework.stereotype.Component;

import cn.govdata.catalog.EntryContent;
import cn.govdata.open.ckan.PackageSearch;
import cn.govdata.open.desensitise.DesensitisationGate;
import cn.govdata.open.desensitise.DesensitisationGate.Holdings;
import cn.govdata.open.release.OpenSettings;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.open.release.PublicNames;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.org.Directory.RegionInfo;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * The open catalog as DCAT-AP 3 documents: the catalog in pages (Hydra's paged collection, as ckanext-dcat pages
 * it) and each dataset on its own. What they show is what the CKAN API shows anyone — the same search and the same
 * visibility — narrowed to unconditionally open datasets: a conditionally open one is released on application, not
 * to harvesters. Chinese text is tagged {@code @zh}; the EU vocabularies' labels carry English too.
 */
@Component
class DcatDocuments {

    /** The CKAN search's clause for unconditionally open datasets. */
    private static final String OPEN_ONLY = "open_type:" + OpenType.OPEN.name();
    private static final List<PackageSearch.Sort> NEWEST_FIRST = List.of(new PackageSearch.Sort("metadata_modified", true));
    private static final List<PackageSearch.Sort> OLDEST_FIRST = List.of(new PackageSearch.Sort("metadata_created", false));
    private static final String PUBLISHER_TYPES = "http://purl.org/adms/publishertype/";
    private static final String LICENCE_TYPES = "http://purl.org/adms/licencetype/";

    private final PackageSearch search;
    private final OpenedDatasets datasets;
    private final Directory directory;
    private final DesensitisationGate gate;
    private final OpenSettings openSettings;
    private final DcatSettings settings;

    DcatDocuments(PackageSearch search, OpenedDatasets datasets, Directory directory, DesensitisationGate gate,
            OpenSettings openSettings, DcatSettings settings) {
        this.search = search;
        this.datasets = datasets;
        this.directory = directory;
        this.gate = gate;
        this.openSettings = openSettings;
        this.settings = settings;
    }

    /**
     * Page {@code page} (from 1) of the catalog, newest change first, optionally only the datasets changed at or
     * after {@code modifiedSince} (ckanext-dcat's {@code modified_since}); {@code pages} is the address the page
     * links are made of (the document asked for, without its query). A page past the last is refused, not empty.
     */
    Model catalogPage(String base, String pages, int page, Instant modifiedSince) {
        int size = settings.pageSize();
        if (page < 1) {
            throw invalidPage(1);
        }
        List<String> filters = modifiedSince == null ? List.of(OPEN_ONLY)
                : List.of(OPEN_ONLY, "metadata_modified:[" + modifiedSince + " TO *]");
        PackageSearch.Result found = search.search(new PackageSearch.Query(null, filters, NEWEST_FIRST, size,
                (long) (page - 1) * size, List.of(), 0, 1, false));
        if (modifiedSince != null) {
            pages += "?modified_since=" + modifiedSince + "&page=";
        } else {
            pages += "?page=";
        }
        long last = Math.max(1, (found.count() + size - 1) / size);
        if (page > last) {
            throw invalidPage(last);
        }
        Model model = model();
        Resource catalog = catalog(model, base);
        for (OpenedDataset d : found.datasets()) {
            catalog.addProperty(DATASET_PROPERTY, dataset(model, base, d));
        }
        Resource paging = model.createResource(pages + page, PAGED_COLLECTION)
                .addLiteral(TOTAL_ITEMS, model.createTypedLiteral(found.count()))
                .addLiteral(ITEMS_PER_PAGE, model.createTypedLiteral(size))
                .addProperty(FIRST_PAGE, pages + 1)
                .addProperty(LAST_PAGE, pages + last);
        if (page < last) {
            paging.addProperty(NEXT_PAGE, pages + (page + 1));
        }
        if (page > 1) {
            paging.addProperty(PREVIOUS_PAGE, pages + (page - 1));
        }
        return model;
    }

    /** A dataset's document, while anyone may see it and it is open without conditions. */
    Optional<Model> dataset(String base, String reference) {
        return datasets.visible(reference).filter(d -> d.openType() == OpenType.OPEN).map(d -> {
            Model model = model();
            dataset(model, base, d);
            return model;
        });
    }

    private PackageSearch.Query query(List<PackageSearch.Sort> sort, int rows, long start) {
        return new PackageSearch.Query(null, List.of(OPEN_ONLY), sort, rows, start, List.of(), 0, 1, false);
    }

    private static DomainException invalidPage(long last) {
        return new DomainException(ProblemCode.INVALID_VALUE, "page", "1–" + last);
    }

    private static Model model() {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("dcat", DCAT);
        model.setNsPrefix("dct", DCT);
        model.setNsPrefix("foaf", FOAF);
        model.setNsPrefix("vcard", VCARD);
        model.setNsPrefix("skos", SKOS);
        model.setNsPrefix("hydra", HYDRA);
        model.setNsPrefix("xsd", XSD);
        model.setNsPrefix("rdf", RDF.getURI());
        return model;
    }

    /** The catalog: the platform's top region, its data authority as publisher, the licence of open data. */
    private Resource catalog(Model model, String base) {
        Optional<RegionInfo> region = directory.regions().stream().filter(r -> r.parentId() == null).findFirst();
        String regionName = region.map(RegionInfo::name).orElse("");
        Resource catalog = model.createResource(base + "/catalog", CATALOG)
                .addProperty(TITLE, regionName + "公共数据开放平台", "zh")
                .addProperty(DESCRIPTION, regionName + "政府部门向社会开放的公共数据目录：无条件开放的数据集，可直接下载和调用。", "zh")
                .addProperty(HOMEPAGE, model.createResource(base + "/open/", DOCUMENT))
                .addProperty(LANGUAGE, chinese(model))
                .addProperty(LICENSE, licence(model))
                .addProperty(THEME_TAXONOMY, model.createResource(EuVocabularies.DATA_THEMES, CONCEPT_SCHEME)
                        .addProperty(TITLE, "Data theme", "en").addProperty(TITLE, "数据主题", "zh"));
        Optional<DepartmentInfo> authority = region.map(RegionInfo::authorityDepartmentId)
                .flatMap(directory::department);
        catalog.addProperty(PUBLISHER, authority.isPresent() ? agent(model, base, authority.get())
                : model.createResource(AGENT).addProperty(NAME, regionName, "zh"));
        region.ifPresent(r -> catalog.addProperty(SPATIAL, location(model, r)));
        search.search(query(OLDEST_FIRST, 1, 0)).datasets().stream().findFirst()
                .ifPresent(d -> catalog.addLiteral(ISSUED, time(model, d.created())));
        search.search(query(NEWEST_FIRST, 1, 0)).datasets().stream().findFirst()
                .ifPresent(d -> catalog.addLiteral(MODIFIED, time(model, d.modified())));
        return catalog;
    }

    private Resource dataset(Model model, String base, OpenedDataset d) {
        EntryContent c = d.content();
        Optional<Holdings> holdings = gate.holdings(d.entryId());
        Resource dataset = model.createResource(base + "/dataset/" + d.packageId(), DATASET)
                .addProperty(TITLE, c.name(), "zh")
                .addProperty(DESCRIPTION, c.summary() == null || c.summary().isBlank() ? c.name() : c.summary(), "zh")
                .addProperty(IDENTIFIER, d.resourceCode())
                .addLiteral(ISSUED, time(model, d.created()))
                .addLiteral(MODIFIED, time(model, d.modified()))
                .addProperty(LANDING_PAGE, model.createResource(base + "/open/datasets/" + d.name(), DOCUMENT))
                .addProperty(LANGUAGE, chinese(model))
                .addProperty(ACCESS_RIGHTS, model.createResource(PUBLIC_ACCESS.getURI(), RIGHTS_STATEMENT));
        for (String tag : PublicNames.tags(c)) {
            dataset.addProperty(KEYWORD, tag, "zh");
        }
        for (EuVocabularies.Theme theme : EuVocabularies.themes(c.classification())) {
            dataset.addProperty(THEME, model.createResource(theme.iri(), CONCEPT)
                    .addProperty(PREF_LABEL, theme.en(), "en").addProperty(PREF_LABEL, theme.zh(), "zh")
                    .addProperty(IN_SCHEME, model.createResource(EuVocabularies.DATA_THEMES)));
        }
        if (c.updateCycle() != null) {
            dataset.addProperty(ACCRUAL_PERIODICITY,
                    model.createResource(EuVocabularies.frequency(c.updateCycle()), FREQUENCY));
        }
        directory.department(d.departmentId()).ifPresent(department -> dataset
                .addProperty(PUBLISHER, agent(model, base, department))
                .addProperty(CONTACT_POINT, model.createResource()
                        .addProperty(RDF.type, VCARD_KIND).addProperty(RDF.type, VCARD_ORGANIZATION)
                        .addProperty(VCARD_FN, department.name(), "zh")
                        .addProperty(VCARD_URL, model.createResource(organizationPage(base, department)))));
        directory.region(d.regionId()).ifPresent(r -> dataset.addProperty(SPATIAL, location(model, r)));
        if (c.releaseDate() != null) {
            // the catalog records no coverage period: the data run from the entry's release to their last load
            Resource period = model.createResource(PERIOD_OF_TIME)
                    .addLiteral(START_DATE, model.createTypedLiteral(c.releaseDate().toString(), XSDDatatype.XSDdate));
            holdings.map(Holdings::lastChanged).filter(t -> t != null)
                    .ifPresent(t -> period.addLiteral(END_DATE, model.createTypedLiteral(
                            t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString(), XSDDatatype.XSDdate)));
            dataset.addProperty(TEMPORAL, period);
        }
        String dump = base + "/datastore/dump/" + d.resourceId();
        dataset.addProperty(DISTRIBUTION_PROPERTY, distribution(model, base, d, holdings, dump + "?format=csv", "CSV",
                "text/csv"));
        dataset.addProperty(DISTRIBUTION_PROPERTY, distribution(model, base, d, holdings, dump + "?format=json", "JSON",
                "application/json"));
        return dataset;
    }

    /** One way to get the data: the whole released dataset, desensitised, as a file of one format. */
    private Resource distribution(Model model, String base, OpenedDataset d, Optional<Holdings> holdings,
            String download, String fileType, String mediaType) {
        Resource distribution = model.createResource(base + "/dataset/" + d.packageId() + "/resource/" + d.resourceId()
                + "/" + fileType.toLowerCase(Locale.ROOT), DISTRIBUTION)
                .addProperty(TITLE, d.content().name() + "（" + fileType + "）", "zh")
                .addProperty(DESCRIPTION, "整个数据集，个人信息已脱敏。", "zh")
                .addProperty(ACCESS_URL, model.createResource(download))
                .addProperty(DOWNLOAD_URL, model.createResource(download))
                .addProperty(FORMAT, model.createResource(EU + "file-type/" + fileType, MEDIA_TYPE_OR_EXTENT))
                .addProperty(MEDIA_TYPE, model.createResource("https://www.iana.org/assignments/media-types/" + mediaType,
                        MEDIA_TYPE_CLASS))
                .addProperty(LICENSE, licence(model))
                .addLiteral(ISSUED, time(model, d.created()));
        // data loaded before the opening became public with it
        holdings.map(Holdings::lastChanged).filter(t -> t != null).map(t -> t.isAfter(d.created()) ? t : d.created())
                .ifPresent(t -> distribution.addLiteral(MODIFIED, time(model, t)));
        return distribution;
    }

    /** A department as an agent: its name, and the kind of authority its region makes it. */
    private Resource agent(Model model, String base, DepartmentInfo department) {
        boolean province = directory.region(department.regionId()).map(r -> r.divisionCode().endsWith("0000"))
                .orElse(false);
        return model.createResource(organizationPage(base, department))
                .addProperty(RDF.type, AGENT).addProperty(RDF.type, ORGANIZATION)
                .addProperty(NAME, department.name(), "zh")
                .addProperty(IDENTIFIER, department.creditCode())
                .addProperty(TYPE, concept(model, PUBLISHER_TYPES + (province ? "RegionalAuthority" : "LocalAuthority"),
                        province ? "Regional authority" : "Local authority", province ? "省级政府部门" : "地方政府部门"));
    }

    private static String organizationPage(String base, DepartmentInfo department) {
        return base + "/open/organizations/" + PublicNames.organizationName(department.creditCode());
    }

    /** A region by its administrative division code (GB/T 2260). */
    private static Resource location(Model model, RegionInfo region) {
        return model.createResource(LOCATION)
                .addProperty(IDENTIFIER, region.divisionCode())
                .addProperty(NOTATION, region.divisionCode())
                .addProperty(PREF_LABEL, region.name(), "zh");
    }

    private Resource licence(Model model) {
        String url = openSettings.licenseUrl();
        Resource licence = url == null || url.isBlank() ? model.createResource() : model.createResource(url.strip());
        licence.addProperty(RDF.type, LICENSE_DOCUMENT)
                .addProperty(TITLE, openSettings.licenseTitle(), "zh")
                .addProperty(IDENTIFIER, openSettings.licenseId());
        String id = openSettings.licenseId().toLowerCase(Locale.ROOT);
        if (id.equals("other-at") || id.startsWith("cc-by") || id.equals("odc-by")) {
            // CKAN's licence ids that require attribution (the platform's default, other-at, among them)
            licence.addProperty(TYPE, concept(model, LICENCE_TYPES + "Attribution", "Attribution", "署名"));
        }
        return licence;
    }

    private static Resource concept(Model model, String iri, String en, String zh) {
        return model.createResource(iri, CONCEPT).addProperty(PREF_LABEL, en, "en").addProperty(PREF_LABEL, zh, "zh");
    }

    private static Resource chinese(Model model) {
        return model.createResource(CHINESE.getURI(), LINGUISTIC_SYSTEM);
    }

    private static Literal time(Model model, OffsetDateTime time) {
        // ISO 8601 in UTC, seconds always written (xsd:dateTime needs them; OffsetDateTime.toString may drop them)
        return model.createTypedLiteral(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                time.withOffsetSameInstant(ZoneOffset.UTC)), XSDDatatype.XSDdateTime);
    }
}

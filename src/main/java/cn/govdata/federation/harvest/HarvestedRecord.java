package cn.govdata.federation.harvest;

import java.util.List;

/**
 * One dataset as a source describes it, in the terms both CKAN and DCAT have.
 *
 * @param sourceId the dataset's id at the source (CKAN's {@code id}, DCAT's {@code dct:identifier} or IRI): with
 *        the source, the key that keeps it from being harvested twice
 * @param originalUrl the dataset's own page at the source
 * @param modified the source's stamp of its last change ({@code metadata_modified}, {@code dct:modified}), or null
 * @param deleted the source deleted it (CKAN's {@code state: "deleted"})
 */
record HarvestedRecord(String sourceId, String name, String title, String notes, String organization,
        String originalUrl, String modified, boolean deleted, List<String> tags, List<Resource> resources,
        String license) {

    /** A file or service of the dataset at the source. */
    record Resource(String name, String url, String format) {
    }
}

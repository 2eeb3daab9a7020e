package cn.govdata.federation.harvest;

/**
 * What a harvest source speaks: CKAN's Action API (its site address), a DCAT catalog document (Turtle, RDF/XML or
 * JSON-LD, paged with Hydra), or another govdata platform, which is read through its own CKAN-compatible API.
 */
enum SourceKind {
    CKAN, DCAT, GOVDATA;

    boolean speaksCkan() {
        return this != DCAT;
    }
}

package cn.govdata.federation.harvest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.govdata.federation.harvest.SourceHttp.SourceFailure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a CKAN Action API (or a govdata platform's CKAN-compatible one) incrementally, as ckanext-harvest's CKAN
 * harvester does: {@code package_search} with {@code fq=metadata_modified:[<last stamp> TO *]} (inclusive),
 * {@code sort=metadata_modified asc}, {@code include_deleted=true} (deletions come as {@code state: "deleted"}),
 * page after page. Paging by offset within a fixed range would skip a dataset when one before it changes during the
 * run, so each page starts again from the last stamp seen (the bound is inclusive), leaving out the datasets already
 * read at exactly that stamp, known by their ids (a dataset read there that changed since has a later stamp and is
 * read again). Only a page full of datasets already read, all of one stamp, goes on by offset. The cursor (stamp and
 * those ids) is kept after each page, so a failed run resumes there.
 */
@Component
class CkanSourceReader {

    static final int ROWS = 500;

    /** Receives each page and the cursor after it. */
    interface Pages {
        void page(List<HarvestedRecord> datasets, String cursorModified, Set<String> cursorIds);
    }

    private final SourceHttp http;
    private final JsonMapper json;

    CkanSourceReader(SourceHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    void read(HarvestSources.Target source, Pages pages) {
        String api = actionApi(source.url());
        String site = api.substring(0, api.length() - "/api/3/action".length());
        String cursor = source.cursorModified();
        Set<String> seen = new HashSet<>(source.cursorIds());
        int start = 0;
        while (true) {
            String range = "metadata_modified:[" + (cursor == null ? "*" : zulu(cursor)) + " TO *]";
            String url = api + "/package_search?include_deleted=true&include_private=false&rows=" + ROWS
                    + "&start=" + start + "&sort=" + encode("metadata_modified asc") + "&fq=" + encode(range);
            JsonNode answer;
            try {
                answer = json.readTree(http.get(url, "application/json").body());
            } catch (SourceFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SourceFailure(url + " answered no JSON");
            }
            if (!answer.path("success").asBoolean(false) || !answer.path("result").path("results").isArray()) {
                throw new SourceFailure(url + " answered no CKAN search result: " + shorten(answer.toString()));
            }
            JsonNode results = answer.path("result").path("results");
            List<HarvestedRecord> fresh = new ArrayList<>();
            for (JsonNode p : results) {
                HarvestedRecord dataset = record(source.kind(), site, p);
                if (cursor != null && cursor.equals(dataset.modified()) && seen.contains(dataset.sourceId())) {
                    continue; // read at the bound already
                }
                fresh.add(dataset);
                if (dataset.sourceId() == null) {
                    continue; // reported as failed; nothing to remember it by
                }
                if (dataset.modified() == null || dataset.modified().equals(cursor)) {
                    seen.add(dataset.sourceId());
                } else {
                    cursor = dataset.modified();
                    seen = new HashSet<>();
                    seen.add(dataset.sourceId());
                }
            }
            if (!fresh.isEmpty()) {
                pages.page(fresh, cursor, Set.copyOf(seen));
            }
            if (results.size() < ROWS) {
                return;
            }
            start = fresh.isEmpty() ? start + ROWS : 0;
        }
    }

    private static HarvestedRecord record(SourceKind kind, String site, JsonNode p) {
        String name = text(p, "name");
        String title = text(p, "title");
        JsonNode organization = p.path("organization");
        String organizationName = organization.isObject()
                ? firstNonBlank(text(organization, "title"), text(organization, "name")) : null;
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : p.path("tags")) {
            String tagName = firstNonBlank(text(tag, "display_name"), text(tag, "name"));
            if (tagName != null) {
                tags.add(tagName);
            }
        }
        List<HarvestedRecord.Resource> resources = new ArrayList<>();
        for (JsonNode r : p.path("resources")) {
            resources.add(new HarvestedRecord.Resource(text(r, "name"), text(r, "url"), text(r, "format")));
        }
        String page = name == null ? null : kind == SourceKind.GOVDATA ? site + "/open/datasets/" + encode(name)
                : site + "/dataset/" + encode(name);
        return new HarvestedRecord(text(p, "id"), name, firstNonBlank(title, name), text(p, "notes"),
                organizationName, page, text(p, "metadata_modified"), "deleted".equals(text(p, "state")), tags,
                resources, firstNonBlank(text(p, "license_title"), text(p, "license_id")));
    }

    /** The Action API's address: the site's, or as given when it already names the API. */
    static String actionApi(String url) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (base.endsWith("/api/3/action")) {
            return base;
        }
        if (base.endsWith("/api/3")) {
            return base + "/action";
        }
        return base + "/api/3/action";
    }

    /** A bound Solr accepts: CKAN writes its stamps in UTC without a zone. */
    static String zulu(String stamp) {
        return stamp.endsWith("Z") || stamp.matches(".*[+-]\\d\\d:?\\d\\d$") ? stamp : stamp + "Z";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString(null);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}

package cn.govdata.open.ckan;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.govdata.open.application.OpenGrants;
import cn.govdata.open.desensitise.DesensitisationGate;
import cn.govdata.open.desensitise.DesensitisationGate.Field;
import cn.govdata.open.desensitise.DesensitisationGate.Read;
import cn.govdata.open.key.KeyHolder;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.open.usage.DataUses;
import cn.govdata.policy.PolicyProfile.OpenType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code datastore_search} on an open dataset's resource, through the desensitisation gate: exact filters on items
 * that leave as stored, full text ({@code q} as a string, or per field as an object) over the released values,
 * fields, limit (at most 32,000) and offset, with the total and CKAN's {@code _links}. Records come in the order of
 * their record key; other sorts are refused rather than ignored. Datasets open on application refuse (403) unless the
 * call carries the API key of a holder whose approved application grants it, and then give the granted items only,
 * through the same gate. Each call is a use of data: audited (with the holder) and counted.
 */
@Component
public class DatastoreSearch {

    static final int MAX_LIMIT = 32_000;

    private final OpenedDatasets datasets;
    private final DesensitisationGate gate;
    private final DataUses uses;
    private final OpenGrants grants;

    DatastoreSearch(OpenedDatasets datasets, DesensitisationGate gate, DataUses uses, OpenGrants grants) {
        this.datasets = datasets;
        this.gate = gate;
        this.uses = uses;
        this.grants = grants;
    }

    Map<String, Object> search(ActionParameters p, HttpServletRequest request) {
        String resourceId = p.has("resource_id") ? p.required("resource_id") : p.required("id");
        Access access = readable(resourceId, request);
        OpenedDataset dataset = access.dataset();
        long limit = p.number("limit", 100, 0, MAX_LIMIT);
        long offset = p.number("offset", 0, 0, Integer.MAX_VALUE);
        boolean includeTotal = p.bool("include_total", true);
        String format = p.has("records_format") ? p.text("records_format") : "objects";
        if (!format.equals("objects") && !format.equals("lists")) {
            throw CkanError.validation("records_format", "Value must be one of ['objects', 'lists']");
        }
        if (p.has("sort") && !p.text("sort").isBlank()) {
            throw CkanError.validation("sort", "Records come in the order of their record key; sorting is not supported");
        }
        if (p.bool("distinct", false)) {
            throw CkanError.validation("distinct", "distinct is not supported");
        }
        Map<String, List<String>> filters = filters(p);
        List<String> words = new ArrayList<>();
        Map<String, String> fieldWords = new LinkedHashMap<>();
        Object q = p.raw("q");
        if (q instanceof String text && !text.isBlank()) {
            words.addAll(List.of(text.strip().split("\\s+")));
        } else if (q != null && !(q instanceof String)) {
            p.object("q").forEach((field, value) -> fieldWords.put(field, String.valueOf(value)));
        }
        if (p.has("full_text")) {
            words.addAll(List.of(p.text("full_text").strip().split("\\s+")));
        }
        Read read = access.scoped(new Read(filters, words, fieldWords, p.list("fields"), offset, limit, includeTotal));
        DesensitisationGate.Page page = GateRefusals.translate(() -> gate.read(access.terms(datasets), read));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("include_total", includeTotal);
        result.put("limit", limit);
        result.put("records_format", format);
        result.put("resource_id", dataset.resourceId());
        result.put("total_estimation_threshold", null);
        if (p.has("offset")) {
            result.put("offset", offset);
        }
        if (!filters.isEmpty()) {
            result.put("filters", p.object("filters"));
        }
        if (q != null) {
            result.put("q", q);
        }
        result.put("records", format.equals("objects") ? page.records()
                : page.records().stream().map(r -> new ArrayList<>(r.values())).toList());
        result.put("fields", fields(page.fields()));
        result.put("_links", links(request, offset, limit));
        if (page.total() != null) {
            result.put("total", page.total());
            result.put("total_was_estimated", false);
        }
        uses.read(dataset.id(), dataset.packageId(), access.holderId(), access.grantId(), request.getRemoteAddr(), "datastore_search " + dataset.resourceCode() + "：返回 "
                + page.records().size() + " 条" + (page.total() == null ? "" : "，共 " + page.total() + " 条")
                + (filters.isEmpty() ? "" : "；按 " + filters.keySet() + " 筛选")
                + (words.isEmpty() && fieldWords.isEmpty() ? "" : "；含全文检索")
                + (p.has("fields") ? "；字段 " + p.list("fields") : "") + "；offset " + offset + "，limit " + limit);
        return result;
    }

    /**
     * A dataset whose records the caller may read, and on what terms: open to anyone, or open on application and
     * granted to the holder of the call's API key by an approved application, within its items.
     *
     * @param holderId the public account whose key the call carries, null for anyone
     * @param grant the approved application that lets the holder read data open on application, else null
     */
    public record Access(OpenedDataset dataset, Long holderId, OpenGrants.Grant grant) {

        /** The approved application the read is under, null when the data is open to anyone. */
        public Long grantId() {
            return grant == null ? null : grant.applicationId();
        }

        public DesensitisationGate.Terms terms(OpenedDatasets datasets) {
            DesensitisationGate.Terms terms = datasets.terms(dataset);
            return grant == null ? terms : terms.forGrantee();
        }

        /**
         * The read within the grant's items: only granted fields are given, filtered or searched per field; a
         * search over every field could tell values of items not granted, so it is refused.
         */
        public Read scoped(Read read) {
            if (grant == null || grant.items() == null) {
                return read;
            }
            List<String> granted = grant.items();
            List<String> beyond = new ArrayList<>();
            read.fields().stream().filter(f -> !f.equals(DesensitisationGate.ID) && !granted.contains(f))
                    .forEach(beyond::add);
            read.filters().keySet().stream().filter(f -> !granted.contains(f)).forEach(beyond::add);
            read.fieldWords().keySet().stream().filter(f -> !granted.contains(f)).forEach(beyond::add);
            if (!beyond.isEmpty()) {
                throw CkanError.validation("fields", "not granted by your application: " + String.join(", ", beyond));
            }
            if (!read.words().isEmpty()) {
                throw CkanError.validation("q", "your application grants some items only: search per field "
                        + "(q as an object) or use filters");
            }
            List<String> fields = new ArrayList<>(read.fields());
            if (fields.isEmpty()) {
                fields.add(DesensitisationGate.ID);
                fields.addAll(granted);
            }
            return new Read(read.filters(), read.words(), read.fieldWords(), fields, read.offset(), read.limit(),
                    read.total());
        }
    }

    /** The dataset of a resource, if the caller may read its records; 404 or 403 as CKAN answers. */
    public Access readable(String resourceId, HttpServletRequest request) {
        OpenedDataset dataset = datasets.visibleByResource(resourceId)
                .orElseThrow(() -> CkanError.notFound("Resource \"" + resourceId + "\" was not found."));
        Long holder = KeyHolder.of(request).map(KeyHolder.Caller::accountId).orElse(null);
        if (dataset.openType() == OpenType.OPEN) {
            return new Access(dataset, holder, null);
        }
        OpenGrants.Grant grant = holder == null ? null : grants.of(holder, dataset.id()).orElse(null);
        if (grant == null) {
            throw CkanError.forbidden("the dataset is open on application (依申请开放): its records are given only to "
                    + "holders of an approved application, through their API key (Authorization: <key>)");
        }
        return new Access(dataset, holder, grant);
    }

    static List<Map<String, Object>> fields(List<Field> fields) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Field field : fields) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", field.id());
            f.put("type", field.type());
            if (field.rule() != null) {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("label", field.label());
                info.put("notes", (field.valueStandard() == null ? "" : "取值标准：" + field.valueStandard() + "；")
                        + "脱敏：" + field.rule().rule().describe(field.rule().kept()));
                info.put("type_override", "");
                f.put("info", info);
            }
            list.add(f);
        }
        return list;
    }

    private static Map<String, List<String>> filters(ActionParameters p) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Map.Entry<String, Object> filter : p.object("filters").entrySet()) {
            Object value = filter.getValue();
            List<String> values = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (Object v : list) {
                    if (v == null || v instanceof Map || v instanceof List) {
                        throw CkanError.validation("filters", "the value of \"" + filter.getKey() + "\" is not supported");
                    }
                    values.add(v.toString());
                }
            } else if (value == null || value instanceof Map) {
                throw CkanError.validation("filters", "the value of \"" + filter.getKey() + "\" is not supported");
            } else {
                values.add(value.toString());
            }
            if (values.isEmpty()) {
                throw CkanError.validation("filters", "no value for \"" + filter.getKey() + "\"");
            }
            filters.put(filter.getKey(), values);
        }
        return filters;
    }

    /** CKAN 2.10's links to the first and the next page: the request's own URL with the offset changed. */
    private static Map<String, Object> links(HttpServletRequest request, long offset, long limit) {
        Map<String, String> arguments = new LinkedHashMap<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                arguments.put(key, value);
            }
        }
        arguments.remove("offset");
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("start", url(request.getRequestURI(), arguments));
        Map<String, String> next = new LinkedHashMap<>(arguments);
        next.put("offset", Long.toString(offset + limit));
        links.put("next", url(request.getRequestURI(), next));
        if (offset - limit > 0) {
            Map<String, String> prev = new LinkedHashMap<>(arguments);
            prev.put("offset", Long.toString(offset - limit));
            links.put("prev", url(request.getRequestURI(), prev));
        }
        return links;
    }

    private static String url(String path, Map<String, String> arguments) {
        if (arguments.isEmpty()) {
            return path;
        }
        StringBuilder url = new StringBuilder(path).append('?');
        arguments.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return url.substring(0, url.length() - 1);
    }
}

package cn.govdata.open.ckan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.open.release.OpenSettings;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.open.release.PublicNames;
import cn.govdata.open.usage.DataUses;
import cn.govdata.open.usage.OpenStats;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.ActivePolicy;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The actions of the CKAN Action API the platform answers, read-only: what existing open-data clients and
 * harvesters call (status, package list, search and show, organisations, groups, tags, resources, datastore
 * search, licences, help). Actions that write are refused as not authorised; {@code datastore_search_sql} too,
 * since raw SQL could read around the desensitisation gate.
 */
@Component
class CkanActions {

    /** One action: what it answers for the parameters of a request. */
    @FunctionalInterface
    interface Action {
        Object run(ActionParameters parameters, HttpServletRequest request);
    }

    /** The CKAN version whose Action API these answers follow. */
    static final String CKAN_VERSION = "2.10.4";
    private static final Set<String> WRITING = Set.of("create", "update", "patch", "delete", "purge", "upsert",
            "insert", "revise", "reorder", "follow", "unfollow", "member", "bulk");

    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final OpenedDatasets datasets;
    private final PackageSearch search;
    private final CkanDictionaries dictionaries;
    private final DatastoreSearch datastore;
    private final PublicUrls urls;
    private final DataUses uses;
    private final OpenStats stats;
    private final Directory directory;
    private final ActivePolicy policy;
    private final OpenSettings settings;
    private final JdbcClient jdbc;

    CkanActions(OpenedDatasets datasets, PackageSearch search, CkanDictionaries dictionaries, DatastoreSearch datastore,
            PublicUrls urls, DataUses uses, OpenStats stats, Directory directory, ActivePolicy policy,
            OpenSettings settings, JdbcClient jdbc) {
        this.datasets = datasets;
        this.search = search;
        this.dictionaries = dictionaries;
        this.datastore = datastore;
        this.urls = urls;
        this.uses = uses;
        this.stats = stats;
        this.directory = directory;
        this.policy = policy;
        this.settings = settings;
        this.jdbc = jdbc;
        actions.put("status_show", this::statusShow);
        actions.put("site_read", (p, r) -> true);
        actions.put("package_list", this::packageList);
        actions.put("package_search", this::packageSearch);
        actions.put("package_show", this::packageShow);
        actions.put("resource_show", this::resourceShow);
        actions.put("organization_list", (p, r) -> organizationList(p));
        actions.put("organization_show", this::organizationShow);
        actions.put("group_list", (p, r) -> groupList(p));
        actions.put("group_show", this::groupShow);
        actions.put("tag_list", (p, r) -> tagList(p));
        actions.put("license_list", (p, r) -> List.of(license()));
        actions.put("datastore_search", datastore::search);
        actions.put("datastore_search_sql", (p, r) -> {
            throw CkanError.forbidden("datastore_search_sql is not available: records are read through "
                    + "datastore_search and the dumps only");
        });
        actions.put("help_show", (p, r) -> help(p.required("name")));
    }

    Object run(String name, ActionParameters parameters, HttpServletRequest request) {
        Action action = actions.get(name);
        if (action == null) {
            if (List.of(name.split("_")).stream().anyMatch(WRITING::contains)) {
                throw CkanError.forbidden("this API is read-only; " + name + " is not allowed");
            }
            throw CkanError.badRequest("Action name not known: " + name);
        }
        return action.run(parameters, request);
    }

    String helpUrl(String name, HttpServletRequest request) {
        return urls.base(request) + "/api/3/action/help_show?name=" + (name.matches("[a-z_]{1,60}") ? name : "");
    }

    private Object statusShow(ActionParameters p, HttpServletRequest request) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("site_title", PublicNames.platformTitle(policy.profile()));
        status.put("site_description", "政务数据资源平台的公共数据开放接口（与 CKAN Action API 兼容）");
        status.put("site_url", urls.base(request));
        status.put("ckan_version", CKAN_VERSION);
        status.put("error_emails_to", null);
        status.put("locale_default", "zh_Hans_CN");
        status.put("extensions", List.of("datastore"));
        status.put("open_data", stats.summary());
        return status;
    }

    private Object packageList(ActionParameters p, HttpServletRequest request) {
        long limit = p.number("limit", Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
        long offset = p.number("offset", 0, 0, Integer.MAX_VALUE);
        return jdbc.sql("select name from open_dataset where public_state = 'active' order by name limit ? offset ?")
                .params(limit, offset).query(String.class).list();
    }

    private Object packageSearch(ActionParameters p, HttpServletRequest request) {
        List<String> filters = new ArrayList<>();
        if (p.has("fq")) {
            filters.add(p.text("fq"));
        }
        filters.addAll(p.list("fq_list"));
        List<PackageSearch.Sort> sort = new ArrayList<>();
        if (p.has("sort") && !p.text("sort").strip().equals("rank")) {
            for (String part : p.text("sort").split(",")) {
                String[] words = part.strip().split("\\s+");
                if (words[0].isEmpty()) {
                    continue;
                }
                if (words.length > 2 || words.length == 2 && !words[1].matches("(?i)asc|desc")) {
                    throw CkanError.search("Invalid sort: " + part.strip());
                }
                sort.add(new PackageSearch.Sort(words[0], words.length == 2 && words[1].equalsIgnoreCase("desc")));
            }
        }
        boolean facet = p.bool("facet", true);
        PackageSearch.Query query = new PackageSearch.Query(p.text("q"), filters, sort,
                (int) p.number("rows", 10, 0, 1000), p.number("start", 0, 0, Integer.MAX_VALUE),
                facet ? p.list("facet.field") : List.of(), (int) p.number("facet.limit", 50, -1, 100_000),
                (int) p.number("facet.mincount", 1, 0, Integer.MAX_VALUE), p.bool("include_deleted", false));
        PackageSearch.Result found = search.search(query);
        String base = urls.base(request);
        List<Map<String, Object>> results = dictionaries.packageDicts(found.datasets(), base);
        Map<String, Object> facets = new LinkedHashMap<>();
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        for (Map.Entry<String, List<PackageSearch.FacetCount>> f : found.facets().entrySet()) {
            Map<String, Long> plain = new LinkedHashMap<>();
            List<Map<String, Object>> items = new ArrayList<>();
            for (PackageSearch.FacetCount count : f.getValue()) {
                plain.put(count.value(), count.count());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", count.value());
                item.put("display_name", displayName(f.getKey(), count));
                item.put("count", count.count());
                items.add(item);
            }
            // CKAN lists a facet's items by display name, descending
            items.sort(Comparator.comparing((Map<String, Object> i) -> (String) i.get("display_name")).reversed());
            facets.put(f.getKey(), plain);
            Map<String, Object> shaped = new LinkedHashMap<>();
            shaped.put("title", f.getKey());
            shaped.put("items", items);
            searchFacets.put(f.getKey(), shaped);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", found.count());
        result.put("facets", facets);
        result.put("results", results);
        result.put("sort", p.has("sort") ? p.text("sort") : "score desc, metadata_modified desc");
        result.put("search_facets", searchFacets);
        return result;
    }

    private String displayName(String field, PackageSearch.FacetCount count) {
        return switch (field) {
            case "organization" -> count.departmentId() == null ? count.value()
                    : directory.department(count.departmentId()).map(DepartmentInfo::name).orElse(count.value());
            case "groups" -> Optional.ofNullable(CkanDictionaries.subject(count.value()))
                    .map(cn.govdata.catalog.Classification.Subject::zh).orElse(count.value());
            case "update_cycle" -> CkanDictionaries.cycleName(cn.govdata.catalog.EntryContent.UpdateCycle.valueOf(count.value()));
            case "open_type" -> dictionaries.typeName(cn.govdata.policy.PolicyProfile.OpenType.valueOf(count.value()));
            case "source_format" -> cn.govdata.catalog.ResourceFormat.valueOf(count.value()).zh();
            case "license_id" -> settings.licenseTitle();
            default -> count.value();
        };
    }

    private Object packageShow(ActionParameters p, HttpServletRequest request) {
        String id = p.has("id") ? p.required("id") : p.required("name_or_id");
        OpenedDataset dataset = datasets.visible(id).orElseThrow(() -> CkanError.notFound(null));
        uses.view(dataset.id());
        return dictionaries.packageDict(dataset, urls.base(request));
    }

    private Object resourceShow(ActionParameters p, HttpServletRequest request) {
        String id = p.required("id");
        OpenedDataset dataset = datasets.visibleByResource(id)
                .orElseThrow(() -> CkanError.notFound("Resource was not found."));
        uses.view(dataset.id());
        return dictionaries.resourceDict(dataset, urls.base(request));
    }

    /** Departments with datasets the public sees, and how many. */
    private Map<Long, Long> departmentsWithData() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select department_id, count(*) from open_dataset where public_state = 'active' group by department_id")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getLong(2)));
        return counts;
    }

    private Object organizationList(ActionParameters p) {
        boolean allFields = p.bool("all_fields", false);
        List<String> wanted = p.list(p.has("organizations") ? "organizations" : "groups");
        String q = p.has("q") ? p.text("q").strip().toLowerCase(Locale.ROOT) : "";
        List<Map<String, Object>> orgs = new ArrayList<>();
        departmentsWithData().forEach((id, count) -> directory.department(id).ifPresent(dept -> {
            Map<String, Object> org = dictionaries.organizationDict(dept, count);
            if ((wanted.isEmpty() || wanted.contains(org.get("name"))) && (q.isEmpty()
                    || org.get("name").toString().contains(q) || dept.name().toLowerCase(Locale.ROOT).contains(q))) {
                orgs.add(org);
            }
        }));
        return page(orgs, p, allFields, allFields ? 25 : 1000);
    }

    private Object organizationShow(ActionParameters p, HttpServletRequest request) {
        String id = p.required("id").toLowerCase(Locale.ROOT);
        Map<Long, Long> counts = departmentsWithData();
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            Optional<DepartmentInfo> dept = directory.department(entry.getKey());
            if (dept.isPresent() && (id.equals(PublicNames.organizationId(dept.get().id()))
                    || id.equals(PublicNames.organizationName(dept.get().creditCode())))) {
                Map<String, Object> org = dictionaries.organizationDict(dept.get(), entry.getValue());
                org.put("extras", List.of());
                org.put("groups", List.of());
                org.put("tags", List.of());
                org.put("users", List.of());
                org.put("num_followers", 0);
                if (p.bool("include_datasets", false)) {
                    org.put("packages", packagesOf("d.department_id = ?", entry.getKey(), 10, request));
                }
                return org;
            }
        }
        throw CkanError.notFound(null);
    }

    private Map<String, Long> groupsWithData() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select group_name, count(*) from open_dataset where public_state = 'active' and group_name is not null"
                + " group by group_name").query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private Object groupList(ActionParameters p) {
        boolean allFields = p.bool("all_fields", false);
        List<String> wanted = p.list("groups");
        String q = p.has("q") ? p.text("q").strip().toLowerCase(Locale.ROOT) : "";
        List<Map<String, Object>> groups = new ArrayList<>();
        groupsWithData().forEach((name, count) -> {
            Map<String, Object> group = dictionaries.groupDict(name, count);
            if ((wanted.isEmpty() || wanted.contains(name)) && (q.isEmpty() || name.contains(q)
                    || group.get("title").toString().toLowerCase(Locale.ROOT).contains(q))) {
                groups.add(group);
            }
        });
        return page(groups, p, allFields, allFields ? 25 : 1000);
    }

    private Object groupShow(ActionParameters p, HttpServletRequest request) {
        String id = p.required("id").toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Long> entry : groupsWithData().entrySet()) {
            if (id.equals(entry.getKey()) || id.equals(PublicNames.groupId(entry.getKey()))) {
                Map<String, Object> group = dictionaries.groupDict(entry.getKey(), entry.getValue());
                group.put("extras", List.of());
                group.put("groups", List.of());
                group.put("tags", List.of());
                group.put("users", List.of());
                group.put("num_followers", 0);
                if (p.bool("include_datasets", false)) {
                    group.put("packages", packagesOf("d.group_name = ?", entry.getKey(), 1000, request));
                }
                return group;
            }
        }
        throw CkanError.notFound(null);
    }

    private List<Map<String, Object>> packagesOf(String condition, Object value, int limit, HttpServletRequest request) {
        String base = urls.base(request);
        List<OpenedDataset> page = jdbc.sql("select d.id from open_dataset d where d.public_state = 'active' and " + condition
                + " order by d.metadata_modified desc, d.package_id limit ?").params(value, limit).query(Long.class)
                .list().stream().map(datasets::byId).flatMap(Optional::stream).toList();
        return dictionaries.packageDicts(page, base);
    }

    private Object tagList(ActionParameters p) {
        String query = p.has("query") ? p.text("query") : p.has("q") ? p.text("q") : null;
        List<String> tags = jdbc.sql("select distinct t.tag from open_dataset_tag t join open_dataset d on"
                + " d.id = t.open_dataset_id where d.public_state = 'active' order by t.tag").query(String.class).list();
        List<String> matching = query == null || query.isBlank() ? tags
                : tags.stream().filter(t -> t.toLowerCase(Locale.ROOT).contains(query.strip().toLowerCase(Locale.ROOT)))
                        .toList();
        if (p.bool("all_fields", false)) {
            return matching.stream().map(CkanDictionaries::tagDict).toList();
        }
        return matching;
    }

    /** Names (or whole dictionaries) sorted and paged as CKAN's group and organisation lists are. */
    private static Object page(List<Map<String, Object>> items, ActionParameters p, boolean allFields, int maxLimit) {
        String sort = p.has("sort") ? p.text("sort").strip() : "title asc";
        String[] words = sort.split("\\s+");
        String field = words[0].equals("packages") ? "package_count" : words[0];
        if (!List.of("name", "title", "package_count").contains(field)) {
            throw CkanError.validation("sort", "Cannot sort by field `" + words[0] + "`");
        }
        boolean descending = words.length > 1 ? words[1].equalsIgnoreCase("desc") : field.equals("package_count");
        Comparator<Map<String, Object>> order = field.equals("package_count")
                ? Comparator.comparingLong(m -> (Long) m.get("package_count"))
                : Comparator.comparing(m -> m.get(field).toString());
        List<Map<String, Object>> sorted = new ArrayList<>(items);
        sorted.sort(descending ? order.reversed() : order);
        long limit = p.number("limit", maxLimit, 0, maxLimit);
        long offset = p.number("offset", 0, 0, Integer.MAX_VALUE);
        List<Map<String, Object>> window = sorted.stream().skip(offset).limit(limit).toList();
        return allFields ? window : window.stream().map(m -> m.get("name")).toList();
    }

    private Map<String, Object> license() {
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("id", settings.licenseId());
        license.put("title", settings.licenseTitle());
        license.put("url", settings.licenseUrl() == null || settings.licenseUrl().isBlank() ? "" : settings.licenseUrl());
        license.put("status", "active");
        license.put("od_conformance", "approved");
        license.put("osd_conformance", "not reviewed");
        license.put("domain_content", true);
        license.put("domain_data", true);
        license.put("domain_software", false);
        license.put("family", "");
        license.put("maintainer", "");
        license.put("is_generic", false);
        license.put("is_okd_compliant", true);
        license.put("is_osi_compliant", false);
        return license;
    }

    private String help(String name) {
        if (!actions.containsKey(name)) {
            throw CkanError.notFound("Action function not found");
        }
        return name + "：与 CKAN " + CKAN_VERSION + " 的同名动作兼容（只读），说明见平台文档 docs/open.md。";
    }
}

package cn.govdata.open.ckan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.open.desensitise.DefaultRules;
import cn.govdata.open.desensitise.DesensitisationGate;
import cn.govdata.open.desensitise.DesensitisationGate.Holdings;
import cn.govdata.open.desensitise.ItemRule;
import cn.govdata.open.release.OpenSettings;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.open.release.PublicNames;
import cn.govdata.open.usage.UsageCounter;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.OpenType;

/**
 * Opened datasets, departments, subjects and tags in the shapes of CKAN's dictization (package, resource,
 * organization, group, tag), so that CKAN clients read them unchanged. The platform's own facts travel where CKAN
 * has room for them: {@code extras} (resource code, department, open type and condition, update cycle, figures),
 * the datastore fields' {@code info} and a {@code data_items} list (what each data item is and how it is
 * desensitised — a client that does not know it ignores it).
 */
@Component
class CkanDictionaries {

    private final Directory directory;
    private final DesensitisationGate gate;
    private final OpenedDatasets datasets;
    private final UsageCounter usage;
    private final ActivePolicy policy;
    private final OpenSettings settings;

    CkanDictionaries(Directory directory, DesensitisationGate gate, OpenedDatasets datasets, UsageCounter usage,
            ActivePolicy policy, OpenSettings settings) {
        this.directory = directory;
        this.gate = gate;
        this.datasets = datasets;
        this.usage = usage;
        this.policy = policy;
        this.settings = settings;
    }

    Map<String, Object> packageDict(OpenedDataset d, String base) {
        return packageDicts(List.of(d), base).get(0);
    }

    /** The package dictionaries of several datasets (a page of results), their figures and rules read at once. */
    List<Map<String, Object>> packageDicts(List<OpenedDataset> page, String base) {
        List<Long> ids = page.stream().map(OpenedDataset::id).toList();
        Map<Long, UsageCounter.Totals> uses = usage.totals(ids);
        Map<Long, List<OpenedDatasets.StoredRule>> rules = datasets.rules(ids);
        Map<Long, Optional<DepartmentInfo>> departments = new HashMap<>();
        List<Map<String, Object>> dicts = new ArrayList<>(page.size());
        for (OpenedDataset d : page) {
            dicts.add(packageDict(d, base, departments.computeIfAbsent(d.departmentId(), directory::department),
                    uses.getOrDefault(d.id(), UsageCounter.Totals.NONE), rules.getOrDefault(d.id(), List.of())));
        }
        return dicts;
    }

    private Map<String, Object> packageDict(OpenedDataset d, String base, Optional<DepartmentInfo> department,
            UsageCounter.Totals uses, List<OpenedDatasets.StoredRule> storedRules) {
        EntryContent c = d.content();
        Optional<Holdings> holdings = gate.holdings(d.entryId());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.packageId());
        p.put("name", d.name());
        p.put("title", c.name());
        p.put("notes", c.summary());
        p.put("url", null);
        p.put("version", Integer.toString(d.catalogVersion()));
        p.put("author", department.map(DepartmentInfo::name).orElse(null));
        p.put("author_email", null);
        p.put("maintainer", department.map(DepartmentInfo::name).orElse(null));
        p.put("maintainer_email", null);
        p.put("license_id", settings.licenseId());
        p.put("license_title", settings.licenseTitle());
        p.put("license_url", settings.licenseUrl() == null || settings.licenseUrl().isBlank() ? null : settings.licenseUrl());
        p.put("isopen", d.openType() == OpenType.OPEN);
        p.put("type", "dataset");
        p.put("private", false);
        p.put("state", d.active() ? "active" : "deleted");
        p.put("metadata_created", CkanJson.time(d.created()));
        p.put("metadata_modified", CkanJson.time(d.modified()));
        p.put("creator_user_id", null);
        p.put("owner_org", d.ownerOrg());
        p.put("organization", department.map(dept -> organizationDict(dept, null)).orElse(null));
        List<Map<String, Object>> resources = d.active() ? List.of(resourceDict(d, base, holdings)) : List.of();
        p.put("resources", resources);
        p.put("num_resources", resources.size());
        List<Map<String, Object>> tags = PublicNames.tags(c).stream().map(CkanDictionaries::tagDict).toList();
        p.put("tags", tags);
        p.put("num_tags", tags.size());
        String group = PublicNames.groupName(c.classification());
        p.put("groups", group == null ? List.of() : List.of(groupDict(group, null)));
        p.put("relationships_as_subject", List.of());
        p.put("relationships_as_object", List.of());
        List<Map<String, Object>> extras = new ArrayList<>();
        extra(extras, "resource_code", d.resourceCode());
        extra(extras, "department", department.map(DepartmentInfo::name).orElse(null));
        extra(extras, "department_credit_code", department.map(DepartmentInfo::creditCode).orElse(null));
        extra(extras, "open_type", typeName(d.openType()));
        extra(extras, "open_type_code", d.openType().name());
        extra(extras, "open_condition", d.openType() == OpenType.CONDITIONAL_OPEN ? c.openCondition() : null);
        extra(extras, "update_cycle", c.updateCycle() == null ? null : cycleName(c.updateCycle()));
        extra(extras, "update_cycle_code", c.updateCycle() == null ? null : c.updateCycle().name());
        extra(extras, "release_date", c.releaseDate() == null ? null : c.releaseDate().toString());
        extra(extras, "source_format", c.format() == null ? null
                : c.format().zh() + (c.subFormat() == null ? "" : "（" + c.subFormat() + "）"));
        extra(extras, "category", PublicNames.categoryLabel(c.classification().category()));
        extra(extras, "record_count", holdings.map(h -> Long.toString(h.records())).orElse("0"));
        extra(extras, "view_count", Long.toString(uses.views()));
        extra(extras, "download_count", Long.toString(uses.downloads()));
        extra(extras, "api_call_count", Long.toString(uses.apiCalls()));
        p.put("extras", extras);
        p.put("data_items", dataItems(d, storedRules));
        return p;
    }

    Map<String, Object> resourceDict(OpenedDataset d, String base) {
        return resourceDict(d, base, gate.holdings(d.entryId()));
    }

    private Map<String, Object> resourceDict(OpenedDataset d, String base, Optional<Holdings> holdings) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", d.resourceId());
        r.put("package_id", d.packageId());
        r.put("name", d.content().name());
        r.put("description", d.openType() == OpenType.OPEN ? "数据可直接下载（CSV、JSON），个人信息已脱敏。"
                : "依申请开放：" + (d.content().openCondition() == null ? "" : d.content().openCondition()));
        r.put("url", base + "/datastore/dump/" + d.resourceId());
        r.put("url_type", "datastore");
        r.put("format", "CSV");
        r.put("mimetype", "text/csv");
        r.put("mimetype_inner", null);
        r.put("resource_type", null);
        r.put("size", null);
        r.put("hash", "");
        r.put("cache_url", null);
        r.put("cache_last_updated", null);
        r.put("datastore_active", holdings.isPresent());
        r.put("created", CkanJson.time(d.created()));
        r.put("last_modified", holdings.map(h -> CkanJson.time(h.lastChanged())).orElse(null));
        r.put("metadata_modified", CkanJson.time(d.modified()));
        r.put("position", 0);
        r.put("state", "active");
        r.put("open_type", d.openType().name());
        return r;
    }

    Map<String, Object> organizationDict(DepartmentInfo dept, Long packageCount) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", PublicNames.organizationId(dept.id()));
        o.put("name", PublicNames.organizationName(dept.creditCode()));
        o.put("title", dept.name());
        o.put("display_name", dept.name());
        o.put("type", "organization");
        o.put("description", "统一社会信用代码 " + dept.creditCode());
        o.put("image_url", "");
        o.put("image_display_url", "");
        o.put("created", null);
        o.put("is_organization", true);
        o.put("approval_status", "approved");
        o.put("state", "active");
        if (packageCount != null) {
            o.put("package_count", packageCount);
        }
        return o;
    }

    Map<String, Object> groupDict(String groupName, Long packageCount) {
        Classification.Subject subject = subject(groupName);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", PublicNames.groupId(groupName));
        g.put("name", groupName);
        g.put("title", subject == null ? groupName : subject.zh());
        g.put("display_name", subject == null ? groupName : subject.zh());
        g.put("description", subject == null ? "" : subject.en());
        g.put("type", "group");
        g.put("image_url", "");
        g.put("image_display_url", "");
        g.put("created", null);
        g.put("is_organization", false);
        g.put("approval_status", "approved");
        g.put("state", "active");
        if (packageCount != null) {
            g.put("package_count", packageCount);
        }
        return g;
    }

    static Map<String, Object> tagDict(String tag) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", PublicNames.tagId(tag));
        t.put("name", tag);
        t.put("display_name", tag);
        t.put("state", "active");
        t.put("vocabulary_id", null);
        return t;
    }

    /** The subject a group name stands for (base subjects first), or null. */
    static Classification.Subject subject(String groupName) {
        for (Map<String, Classification.Subject> subjects : List.of(Classification.BASE_SUBJECTS,
                Classification.THEMATIC_SUBJECTS)) {
            for (Map.Entry<String, Classification.Subject> s : subjects.entrySet()) {
                Classification.Category category = subjects == Classification.BASE_SUBJECTS
                        ? Classification.Category.BASE : Classification.Category.THEMATIC;
                if (groupName.equals(PublicNames.groupName(new Classification(category, s.getKey(), null, null)))) {
                    return s.getValue();
                }
            }
        }
        return null;
    }

    /** The region's name of an open type, e.g. 无条件开放 or 普遍开放. */
    String typeName(OpenType type) {
        PolicyProfile.OpenData openData = policy.profile().openData();
        PolicyProfile.Text text = openData == null ? null : openData.types().get(type);
        return text == null ? type.name() : text.zh();
    }

    static String cycleName(EntryContent.UpdateCycle cycle) {
        return switch (cycle) {
            case REALTIME -> "实时";
            case DAILY -> "每日";
            case WEEKLY -> "每周";
            case MONTHLY -> "每月";
            case QUARTERLY -> "每季度";
            case HALF_YEARLY -> "每半年";
            case YEARLY -> "每年";
            case OTHER -> "其他";
        };
    }

    /** Each data item: what it is, and how its values leave (or that they do not). */
    private static List<Map<String, Object>> dataItems(OpenedDataset d, List<OpenedDatasets.StoredRule> stored) {
        Map<String, ItemRule> rules = new LinkedHashMap<>();
        stored.forEach(r -> rules.put(r.rule().item(), r.rule()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (DataItem item : d.content().dataItems()) {
            ItemRule rule = rules.get(item.name());
            if (rule != null && rule.keepsValues() && DefaultRules.sensitive(item)) {
                rule = ItemRule.of(item.name(), DefaultRules.defaultFor(item));  // as the gate releases it
            }
            boolean released = rule != null && rule.complete() && rule.rule() != cn.govdata.shared.MaskingRule.DROP;
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("name", item.name());
            i.put("chinese_name", item.chineseName());
            i.put("type", item.type() == null ? null : item.type().zh());
            i.put("length", item.length());
            i.put("value_standard", item.valueStandard());
            i.put("released", released);
            i.put("desensitisation", rule == null ? "暂不公开" : rule.rule().describe(rule.kept()));
            items.add(i);
        }
        return items;
    }

    private static void extra(List<Map<String, Object>> extras, String key, String value) {
        if (value != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("key", key);
            e.put("value", value);
            extras.add(e);
        }
    }
}

package cn.govdata.open.release;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.Classification.Category;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.policy.PolicyProfile;

/**
 * The names and ids the public knows open data by, the same in every answer and stable across catalog
 * versions and reopenings: a dataset's id is a UUID derived from its catalog entry, its name the resource code
 * with {@code /} as {@code -} (CKAN names are lower-case ASCII letters, digits, {@code -} and {@code _}, two to
 * a hundred characters: resource codes are digits and a slash); a department is an organisation named by its
 * credit code; a base or thematic subject (CAT-7) is a group.
 */
public final class PublicNames {

    private PublicNames() {
    }

    /** The platform's title, as CKAN's {@code site_title} and every citation name it. */
    public static String platformTitle(PolicyProfile profile) {
        return profile.region().zh() + "公共数据开放平台";
    }

    /** The citation a data product gives its source (OPN-6): 来源：部门，平台，获取日期 YYYY-MM-DD. */
    public static String citation(String department, PolicyProfile profile, LocalDate obtainedOn) {
        return "来源：" + department + "，" + platformTitle(profile) + "，获取日期 " + obtainedOn;
    }

    public static String packageId(long entryId) {
        return uuid("package/" + entryId);
    }

    public static String resourceId(long entryId) {
        return uuid("resource/" + entryId);
    }

    public static String packageName(String resourceCode) {
        return resourceCode.toLowerCase(Locale.ROOT).replace('/', '-');
    }

    public static String organizationId(long departmentId) {
        return uuid("organization/" + departmentId);
    }

    public static String organizationName(String creditCode) {
        return creditCode.toLowerCase(Locale.ROOT);
    }

    public static String groupId(String groupName) {
        return uuid("group/" + groupName);
    }

    public static String tagId(String tag) {
        return uuid("tag/" + tag);
    }

    /** The group of a base or thematic resource (its subject, e.g. {@code population}); null for departments'. */
    public static String groupName(Classification classification) {
        Classification.Subject subject = subject(classification);
        return subject == null ? null : subject.en().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The subject of a base or thematic resource; null for departments' resources. */
    public static Classification.Subject subject(Classification classification) {
        return switch (classification.category()) {
            case BASE -> Classification.BASE_SUBJECTS.get(classification.item());
            case THEMATIC -> Classification.THEMATIC_SUBJECTS.get(classification.item());
            case DEPARTMENT -> null;
        };
    }

    public static String categoryLabel(Category category) {
        return switch (category) {
            case BASE -> "基础信息资源";
            case THEMATIC -> "主题信息资源";
            case DEPARTMENT -> "部门信息资源";
        };
    }

    /**
     * The tags of an entry: its category, its subject, and the Chinese names of its data items, so that a search
     * for 统一社会信用代码 finds the datasets holding one. CKAN allows letters, digits, spaces, {@code -_.} in tags.
     */
    public static List<String> tags(EntryContent content) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(categoryLabel(content.classification().category()));
        Classification.Subject subject = subject(content.classification());
        if (subject != null) {
            tags.add(subject.zh());
        }
        for (DataItem item : content.dataItems()) {
            String tag = item.chineseName() == null ? "" : item.chineseName().replaceAll("[^\\p{L}\\p{N} _.\\-]", "").strip();
            if (tag.length() >= 2 && tag.length() <= 100) {
                tags.add(tag);
            }
        }
        return new ArrayList<>(tags);
    }

    /** What a free-text search looks in, lower-cased: name, summary, department, subject, items, code. */
    public static String searchText(EntryContent content, String departmentName, String resourceCode) {
        StringBuilder text = new StringBuilder();
        text.append(content.name()).append('\n').append(content.summary() == null ? "" : content.summary()).append('\n')
                .append(departmentName).append('\n').append(resourceCode).append('\n');
        for (String tag : tags(content)) {
            text.append(tag).append('\n');
        }
        for (DataItem item : content.dataItems()) {
            text.append(item.name()).append('\n');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("govdata/open/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

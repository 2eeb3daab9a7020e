package cn.govdata.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the objects a module records in the audit log, so that an auditor reads 数据集“人口基本信息” rather than
 * "dataset 104". Each module that owns object types provides one; the audit module asks for a page's objects at
 * once. A name is what the module shows its own readers (an entry's or dataset's name, a department's, a person's
 * display name), never a record's values.
 */
public interface AuditObjectNames {

    /**
     * The names of the objects of the type with these ids, by id; types the module does not own, and ids it
     * does not know, are left out.
     */
    Map<String, String> namesOf(String objectType, Collection<String> ids);

    /** The ids that are whole numbers, as numbers: object ids are stored as text. */
    static java.util.List<Long> numeric(Collection<String> ids) {
        return ids.stream().filter(id -> id != null && !id.isEmpty() && id.length() < 19
                && id.chars().allMatch(c -> c >= '0' && c <= '9')).map(Long::valueOf).distinct().toList();
    }
}

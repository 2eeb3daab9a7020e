package cn.govdata.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An audit page as people read it: each entry's object by its name, and a sentence saying who did what to what
 * (张三（市公安局）批量归集数据：数据集“人口基本信息”，未成功), in the reader's language. The stored entry and its detail
 * stay as recorded; the sentence is made when read, from the labels and the modules' names of today.
 */
@Component
class AuditSentences {

    private final List<AuditObjectNames> names;
    private final MessageSource messages;

    AuditSentences(List<AuditObjectNames> names, MessageSource messages) {
        this.names = names;
        this.messages = messages;
    }

    AuditSearch.Page described(AuditSearch.Page page, Locale locale) {
        Map<String, Set<String>> idsByType = new HashMap<>();
        Set<String> departments = new HashSet<>();
        for (AuditSearch.Item item : page.items()) {
            if (item.objectType() != null && item.objectId() != null) {
                idsByType.computeIfAbsent(item.objectType(), t -> new HashSet<>()).add(item.objectId());
            }
            if (item.actorDepartmentId() != null) {
                departments.add(item.actorDepartmentId().toString());
            }
        }
        Map<String, Map<String, String>> found = new HashMap<>();
        idsByType.forEach((type, ids) -> found.put(type, namesOf(type, ids)));
        Map<String, String> departmentNames = namesOf("department", departments);
        List<AuditSearch.Item> items = new ArrayList<>(page.items().size());
        for (AuditSearch.Item item : page.items()) {
            String objectName = item.objectType() == null || item.objectId() == null ? null
                    : found.getOrDefault(item.objectType(), Map.of()).get(item.objectId());
            String department = item.actorDepartmentId() == null ? null
                    : departmentNames.get(item.actorDepartmentId().toString());
            items.add(item.described(objectName, sentence(item, objectName, department, locale)));
        }
        return new AuditSearch.Page(items, page.total(), page.page(), page.size());
    }

    private Map<String, String> namesOf(String type, Set<String> ids) {
        Map<String, String> named = new HashMap<>();
        for (AuditObjectNames module : names) {
            named.putAll(module.namesOf(type, ids));
        }
        return named;
    }

    private String sentence(AuditSearch.Item item, String objectName, String department, Locale locale) {
        String who = department == null ? item.actor() : say("audit.sentence.actorOf", locale, item.actor(), department);
        String action = messages.getMessage("audit.action." + item.action(), null, item.action(), locale);
        String what = null;
        if (item.objectType() != null) {
            String type = messages.getMessage("audit.object." + item.objectType(), null, item.objectType(), locale);
            what = objectName != null ? say("audit.sentence.named", locale, type, objectName)
                    : item.objectId() != null ? say("audit.sentence.numbered", locale, type, item.objectId()) : type;
        }
        String done = what == null ? say("audit.sentence.did", locale, who, action)
                : say("audit.sentence.didTo", locale, who, action, what);
        return item.outcome() == AuditOutcome.FAILURE ? say("audit.sentence.failed", locale, done) : done;
    }

    private String say(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}

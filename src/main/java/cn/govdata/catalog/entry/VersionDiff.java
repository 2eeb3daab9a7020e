package cn.govdata.catalog.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.govdata.catalog.entry.CatalogEntry.EntryVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What changed between two versions of an entry (CAT-4): the fields, and the data items matched by their
 * identifier (added, removed, or changed with the changed properties).
 */
record VersionDiff(int from, int to, List<FieldChange> fields, List<ItemChange> dataItems) {

    record FieldChange(String field, JsonNode before, JsonNode after) {
    }

    enum ItemChangeKind { ADDED, REMOVED, CHANGED }

    record ItemChange(String name, ItemChangeKind kind, List<FieldChange> changes) {
    }

    static VersionDiff between(JsonMapper json, EntryVersion from, EntryVersion to) {
        JsonNode before = json.valueToTree(from.content());
        JsonNode after = json.valueToTree(to.content());
        List<FieldChange> fields = compare(before, after, Set.of("dataItems"));
        Map<String, JsonNode> beforeItems = byName(before.get("dataItems"));
        Map<String, JsonNode> afterItems = byName(after.get("dataItems"));
        List<ItemChange> items = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(beforeItems.keySet());
        names.addAll(afterItems.keySet());
        for (String name : names) {
            JsonNode a = beforeItems.get(name);
            JsonNode b = afterItems.get(name);
            if (a == null) {
                items.add(new ItemChange(name, ItemChangeKind.ADDED, compare(null, b, Set.of())));
            } else if (b == null) {
                items.add(new ItemChange(name, ItemChangeKind.REMOVED, compare(a, null, Set.of())));
            } else if (!a.equals(b)) {
                items.add(new ItemChange(name, ItemChangeKind.CHANGED, compare(a, b, Set.of())));
            }
        }
        return new VersionDiff(from.version(), to.version(), fields, items);
    }

    private static List<FieldChange> compare(JsonNode before, JsonNode after, Set<String> skip) {
        Set<String> names = new LinkedHashSet<>();
        if (before != null) {
            names.addAll(before.propertyNames());
        }
        if (after != null) {
            names.addAll(after.propertyNames());
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            if (skip.contains(name)) {
                continue;
            }
            JsonNode a = before == null ? null : before.get(name);
            JsonNode b = after == null ? null : after.get(name);
            if (!Objects.equals(normal(a), normal(b))) {
                changes.add(new FieldChange(name, a, b));
            }
        }
        return changes;
    }

    private static JsonNode normal(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static Map<String, JsonNode> byName(JsonNode items) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (items != null) {
            for (JsonNode item : items) {
                map.put(item.path("name").asString(""), item);
            }
        }
        return map;
    }
}

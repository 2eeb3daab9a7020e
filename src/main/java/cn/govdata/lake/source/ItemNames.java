package cn.govdata.lake.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.govdata.catalog.DataItem;
import cn.govdata.lake.quality.Masking;

/**
 * Matches a file's column names (or a JSON line's keys) to the catalog entry's data items: by the item's
 * identifier without regard to case, or by its Chinese name, both after stripping blanks (and a stray
 * byte-order mark, which some tools leave on the first header cell).
 */
final class ItemNames {

    private final List<DataItem> items;
    private final Map<String, String> byIdentifier = new HashMap<>();
    private final Map<String, String> byChineseName = new HashMap<>();

    ItemNames(List<DataItem> items) {
        this.items = List.copyOf(items);
        for (DataItem item : items) {
            byIdentifier.put(item.name().strip().toLowerCase(Locale.ROOT), item.name());
            if (item.chineseName() != null && !item.chineseName().isBlank()) {
                byChineseName.put(item.chineseName().strip(), item.name());
            }
        }
    }

    /** The identifier of the item a column names, or null. */
    String itemFor(String column) {
        String name = clean(column);
        String item = byChineseName.get(name);
        return item != null ? item : byIdentifier.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The item of each header column, null for a column with a blank header.
     *
     * @throws RecordSourceException when a column names no item, two name the same item, or a required
     *         (or record-key) item has no column
     */
    String[] columns(List<String> header) {
        String[] itemOfColumn = new String[header.size()];
        List<String> unknown = new ArrayList<>();
        Set<String> repeated = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i) == null ? "" : clean(header.get(i));
            if (column.isEmpty()) {
                continue;
            }
            String item = itemFor(column);
            if (item == null) {
                unknown.add(column);
            } else if (!seen.add(item)) {
                repeated.add(column);
            }
            itemOfColumn[i] = item;
        }
        List<String> missing = items.stream().filter(d -> (d.required() || d.recordKey()) && !seen.contains(d.name()))
                .map(ItemNames::label).toList();
        if (!unknown.isEmpty() || !repeated.isEmpty() || !missing.isEmpty()) {
            // when nothing matched, the "header" is most likely a data row (the file has no header):
            // its cells may be ID numbers or names, so they are quoted masked
            boolean dataRow = seen.isEmpty();
            List<String> quoted = unknown.stream().map(c -> Masking.shown(c, dataRow)).toList();
            throw RecordSourceException.columns(quoted, List.copyOf(repeated), missing, expected());
        }
        return itemOfColumn;
    }

    /** A refusal for keys that name no item (JSON Lines, where there is no header). */
    RecordSourceException unknown(String key) {
        return RecordSourceException.columns(List.of(Masking.shorten(clean(key))), List.of(), List.of(), expected());
    }

    /** The names a file may use, e.g. {@code xm (姓名), gmsfhm (公民身份号码)}. */
    String expected() {
        return String.join(", ", items.stream().map(ItemNames::label).toList());
    }

    int size() {
        return items.size();
    }

    private static String label(DataItem item) {
        return item.chineseName() == null || item.chineseName().isBlank() ? item.name()
                : item.name() + " (" + item.chineseName() + ")";
    }

    private static String clean(String column) {
        String name = column.strip();
        return name.startsWith("\uFEFF") ? name.substring(1).strip() : name;
    }
}

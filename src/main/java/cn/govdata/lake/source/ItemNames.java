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

    /** What a note column ({@link RecordSource#NOTE_COLUMNS}) stands for in a row's items: nothing to keep. */
    static final String NOTE = "";

    /** The identifier of the item a column names, {@link #NOTE} for the platform's note column, or null. */
    String itemFor(String column) {
        String name = clean(column);
        if (RecordSource.NOTE_COLUMNS.contains(name)) {
            return NOTE;
        }
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
            itemOfColumn[i] = item;
            if (item == null) {
                unknown.add(column);
            } else if (!item.equals(NOTE) && !seen.add(item)) {
                repeated.add(column);
            }
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

    /** Whether a header has the platform's note column: the file is rejected rows it wrote, sent back. */
    static boolean hasNote(String[] itemOfColumn) {
        for (String item : itemOfColumn) {
            if (NOTE.equals(item)) {
                return true;
            }
        }
        return false;
    }

    /** The columns of a header as {@link #columns} matched them; a note column has no item. */
    static List<FileColumn> fileColumns(List<String> header, String[] itemOfColumn) {
        List<FileColumn> columns = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            String item = itemOfColumn[i];
            columns.add(new FileColumn(header.get(i) == null ? "" : header.get(i),
                    item == null || item.equals(NOTE) ? null : item));
        }
        return List.copyOf(columns);
    }

    /** The data items as the columns of a file without a header (JSON Lines). */
    List<FileColumn> itemColumns() {
        return items.stream().map(item -> new FileColumn(item.name(), item.name())).toList();
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

package cn.govdata.lake;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's key in a dataset: the values of the entry's key items, in the dataset's key order. The lake stores
 * it as one text, the values joined by the unit separator (U+001F), which no value may contain; that format is
 * the lake's own and is built and taken apart only here.
 */
public record RecordKey(List<String> values) {

    private static final char SEPARATOR = '\u001f';

    public RecordKey {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a record key needs at least one value");
        }
    }

    /**
     * The key of a record from its key items' values (stripped).
     *
     * @throws IllegalArgumentException when a key item has no value
     */
    public static RecordKey of(List<String> keyItems, Map<String, String> record) {
        return new RecordKey(keyItems.stream().map(item -> {
            String value = record.get(item);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("key item " + item + " has no value");
            }
            return value.strip();
        }).toList());
    }

    /** The key as the lake stored it. */
    public static RecordKey parse(String stored) {
        return new RecordKey(Arrays.asList(stored.split(String.valueOf(SEPARATOR), -1)));
    }

    /** The text the lake stores and looks records up by. */
    public String stored() {
        return String.join(String.valueOf(SEPARATOR), values);
    }

    /** The key items' values by item name, limited to the items given (a grant's items, for instance). */
    public Map<String, String> byItem(List<String> keyItems, List<String> only) {
        Map<String, String> byItem = new LinkedHashMap<>();
        for (int i = 0; i < keyItems.size() && i < values.size(); i++) {
            if (only.contains(keyItems.get(i))) {
                byItem.put(keyItems.get(i), values.get(i));
            }
        }
        return byItem;
    }

    /** The key for people to read: a composite key's values separated by {@code |}. */
    @Override
    public String toString() {
        return String.join("|", values);
    }
}

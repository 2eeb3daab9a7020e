package cn.govdata.lake.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.Sensitivity;

/**
 * Which data items mean the same data element (AGG-3, AGG-6, AGG-8). Departments name items freely, so two
 * items are the same element when they follow the same value standard (compared as {@link ValueStandards#key}
 * does: {@code GB 11643-1999} is {@code GB11643}), or, for items without a standard, when their Chinese names
 * are equal after stripping blanks. Pure functions, used both for designations of authoritative sources and
 * for the items two datasets compare.
 */
public final class DataElements {

    private DataElements() {
    }

    /**
     * The key of a data element: {@code STD:<standard key>} for an element identified by its value standard,
     * else {@code NAME:<Chinese name>}.
     */
    public static String key(String valueStandard, String chineseName) {
        if (valueStandard != null && !valueStandard.isBlank()) {
            return "STD:" + ValueStandards.key(valueStandard);
        }
        return "NAME:" + name(chineseName);
    }

    static String key(DataItem item) {
        return key(item.valueStandard(), item.chineseName());
    }

    /**
     * Whether an item is the designated element: the same value standard, or (for an element designated by
     * name only) the same Chinese name. An item with a standard also matches a designation by name of the
     * same Chinese name, so that {@code 公民身份号码} designated without a standard catches items that cite one.
     */
    public static boolean matches(DataItem item, String elementKey) {
        if (elementKey.startsWith("STD:")) {
            return item.valueStandard() != null && !item.valueStandard().isBlank()
                    && elementKey.equals(key(item.valueStandard(), null));
        }
        return elementKey.equals("NAME:" + name(item.chineseName()));
    }

    /** Whether two items of different datasets hold the same element, so that their values must agree. */
    static boolean correspond(DataItem a, DataItem b) {
        boolean aStandard = a.valueStandard() != null && !a.valueStandard().isBlank();
        boolean bStandard = b.valueStandard() != null && !b.valueStandard().isBlank();
        if (aStandard && bStandard) {
            return ValueStandards.key(a.valueStandard()).equals(ValueStandards.key(b.valueStandard()));
        }
        String nameA = name(a.chineseName());
        return !nameA.isEmpty() && nameA.equals(name(b.chineseName()));
    }

    /**
     * The entity key standard of a dataset: the value standard of its single record-key item (e.g. GB 11643
     * for datasets keyed by ID number), or null when the key is composite or follows no standard, in which
     * case the dataset cannot be compared with others.
     */
    public static String entityKeyStandard(List<DataItem> items) {
        List<DataItem> keys = items.stream().filter(DataItem::recordKey).toList();
        if (keys.size() != 1 || keys.getFirst().valueStandard() == null || keys.getFirst().valueStandard().isBlank()) {
            return null;
        }
        return ValueStandards.key(keys.getFirst().valueStandard());
    }

    /** A pair of items of two datasets that hold the same element. */
    public record ItemPair(DataItem a, DataItem b) {
    }

    /**
     * The items two datasets keyed by the same entity standard both hold (record keys excluded), each item of
     * the first paired with every corresponding item of the second. Empty if the datasets do not share an
     * entity key standard.
     */
    public static List<ItemPair> pairs(List<DataItem> a, List<DataItem> b) {
        String standard = entityKeyStandard(a);
        if (standard == null || !Objects.equals(standard, entityKeyStandard(b))) {
            return List.of();
        }
        List<ItemPair> pairs = new ArrayList<>();
        for (DataItem x : a) {
            if (x.recordKey()) {
                continue;
            }
            for (DataItem y : b) {
                if (!y.recordKey() && correspond(x, y)) {
                    pairs.add(new ItemPair(x, y));
                }
            }
        }
        return pairs;
    }

    /** Whether values of an item identify a person: marked personal information, or a personal standard. */
    public static boolean personal(DataItem item, ValueStandards standards) {
        return item.sensitivity().personal()
                || standards.find(item.valueStandard()).map(ValueStandard::personal).orElse(false);
    }

    private static String name(String chineseName) {
        return chineseName == null ? "" : chineseName.replaceAll("[\\s\\u3000]+", "");
    }
}

package cn.govdata.share;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which records of a dataset a grant reaches: every condition must hold (and), a condition holds when the
 * record's value of its data item equals one of its values or starts with one of them (or). An empty filter
 * reaches every record. Example: {@code xzqh PREFIX [370602, 370611]} limits a county's grant to its two
 * districts' records by division code.
 *
 * @param conditions the conditions, all of which a record must meet
 */
public record RowFilter(List<Condition> conditions) {

    public static final RowFilter NONE = new RowFilter(List.of());

    public enum Op { EQUALS, PREFIX }

    /**
     * @param item the data item's identifier, one of the granted items
     * @param op equality with one of the values, or a prefix among them
     * @param values the values, at least one
     */
    public record Condition(String item, Op op, List<String> values) {

        public Condition {
            values = values == null ? List.of() : List.copyOf(values);
        }

        /** Whether a record's value of the item meets the condition. */
        public boolean matches(String value) {
            if (value == null) {
                return false;
            }
            return op == Op.EQUALS ? values.contains(value) : values.stream().anyMatch(value::startsWith);
        }

        /** Whether every value this condition lets through, the wider one lets through too. */
        boolean within(Condition wider) {
            if (!item.equals(wider.item())) {
                return false;
            }
            if (wider.op() == Op.EQUALS) {
                return op == Op.EQUALS && wider.values().containsAll(values);
            }
            return values.stream().allMatch(v -> wider.values().stream().anyMatch(v::startsWith));
        }
    }

    public RowFilter {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** Whether the filter reaches every record. */
    public boolean unrestricted() {
        return conditions.isEmpty();
    }

    /** Whether a record (data item identifier → value) is within the filter. */
    public boolean matches(Map<String, ?> record) {
        for (Condition condition : conditions) {
            Object value = record.get(condition.item());
            if (!condition.matches(value == null ? null : value.toString())) {
                return false;
            }
        }
        return true;
    }

    /** The data items the conditions test. */
    public Set<String> items() {
        Set<String> items = new LinkedHashSet<>();
        conditions.forEach(c -> items.add(c.item()));
        return items;
    }

    /**
     * Whether this filter reaches no record that the wider one keeps out: each condition of the wider filter
     * is implied by a condition of this one. A narrowing decision may add conditions or tighten them, never
     * drop one.
     */
    public boolean narrows(RowFilter wider) {
        return wider.conditions().stream().allMatch(w -> conditions.stream().anyMatch(c -> c.within(w)));
    }
}

package cn.govdata.lake.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.Sensitivity;

/**
 * Checks records of one catalog entry against its quality rules. Built once per schema and batch, then
 * applied to every row (millions of them), from any number of threads: everything is resolved up front,
 * so checking a row is one map lookup per item and the rules' own checks, and a row that passes costs no
 * allocation beyond stripping blanks (which returns the same string when there are none).
 *
 * <p>Values are judged after stripping surrounding whitespace (including the ideographic space); an
 * empty value is absent. Each item gets at most one failure — the first rule it breaks, in the order
 * required, type, length, standard, extensions — and cross-item rules run only when both items passed
 * their own rules, so one typo yields one failure. Reasons quote values through {@link Masking}, masked
 * for items whose catalog sensitivity is not NONE or whose standard identifies a person; they are messages
 * ({@link Reason}) with the quoted value as {0}, read later in the reader's language.
 */
public final class RecordValidator {

    private final String[] names;
    /** The items as cross-item reasons name them. */
    private final Reason.Item[] itemNames;
    private final boolean[] required;
    private final boolean[] personal;
    private final QualityRule.ValueRule[][] valueRules;
    private final QualityRule.CrossItemRule[] crossRules;
    private final int[] crossItem;
    private final int[] crossOther;

    /**
     * @param items the entry's data items
     * @param rules the rules, e.g. {@code QualityRules.derive(items, standards).with(extensions).rules()}
     * @throws IllegalArgumentException when a rule names an item the entry does not have
     */
    public RecordValidator(List<DataItem> items, List<QualityRule> rules) {
        int n = items.size();
        names = new String[n];
        itemNames = new Reason.Item[n];
        required = new boolean[n];
        personal = new boolean[n];
        Map<String, Integer> index = new HashMap<>();
        List<List<QualityRule.ValueRule>> byItem = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DataItem item = items.get(i);
            names[i] = item.name();
            itemNames[i] = new Reason.Item(item.name(), item.chineseName());
            personal[i] = item.sensitivity() != Sensitivity.NONE;
            if (index.put(item.name(), i) != null) {
                throw new IllegalArgumentException("two data items are named " + item.name());
            }
            byItem.add(new ArrayList<>());
        }
        List<QualityRule.CrossItemRule> cross = new ArrayList<>();
        for (QualityRule rule : rules) {
            int i = indexOf(index, rule.item());
            switch (rule) {
                case QualityRule.Required r -> required[i] = true;
                case QualityRule.ValueRule r -> {
                    byItem.get(i).add(r);
                    personal[i] |= r.personal();
                }
                case QualityRule.CrossItemRule r -> {
                    indexOf(index, r.other());
                    cross.add(r);
                }
            }
        }
        valueRules = byItem.stream().map(list -> list.toArray(QualityRule.ValueRule[]::new))
                .toArray(QualityRule.ValueRule[][]::new);
        crossRules = cross.toArray(QualityRule.CrossItemRule[]::new);
        crossItem = cross.stream().mapToInt(r -> index.get(r.item())).toArray();
        crossOther = cross.stream().mapToInt(r -> index.get(r.other())).toArray();
    }

    /**
     * The rules a record breaks; empty when it passes.
     *
     * @param record item identifier → raw value as read from the file; missing keys and blank values are absent
     */
    public List<QualityFailure> validate(Map<String, String> record) {
        int n = names.length;
        String[] values = crossRules.length == 0 ? null : new String[n];
        List<QualityFailure> failures = null;
        boolean[] failed = null;
        for (int i = 0; i < n; i++) {
            String value = present(record.get(names[i]));
            if (values != null) {
                values[i] = value;
            }
            QualityFailure failure = value == null ? missing(i) : firstBroken(i, value);
            if (failure != null) {
                if (failures == null) {
                    failures = new ArrayList<>(4);
                    failed = new boolean[n];
                }
                failures.add(failure);
                failed[i] = true;
            }
        }
        for (int r = 0; r < crossRules.length; r++) {
            int item = crossItem[r];
            int other = crossOther[r];
            if (values[item] == null || values[other] == null || (failed != null && (failed[item] || failed[other]))) {
                continue;
            }
            Refusal refusal = crossRules[r].check(values[item], values[other]);
            if (refusal != null) {
                if (failures == null) {
                    failures = new ArrayList<>(2);
                }
                // a value quoted next to a personal one (a birth date beside an ID number) is masked too
                failures.add(failure(item, refusal, Masking.shown(values[item], personal[item] || personal[other]),
                        itemNames[other]));
            }
        }
        return failures == null ? List.of() : failures;
    }

    private QualityFailure missing(int i) {
        return required[i] ? new QualityFailure(names[i], ReasonCode.REQUIRED) : null;
    }

    private QualityFailure firstBroken(int i, String value) {
        for (QualityRule.ValueRule rule : valueRules[i]) {
            if (!rule.accepts(value)) {
                return failure(i, rule.refusal(value), Masking.shown(value, personal[i]), null);
            }
        }
        return null;
    }

    /** The failure of item i: the quoted value as {0}, then the other item of a cross-item rule, then the rule's arguments. */
    private QualityFailure failure(int i, Refusal refusal, String shownValue, Reason.Item other) {
        List<Object> args = new ArrayList<>(2 + refusal.arguments().size());
        args.add(shownValue);
        if (other != null) {
            args.add(other);
        }
        args.addAll(refusal.arguments());
        return new QualityFailure(names[i], refusal.rule(), new Reason(refusal.reason().key(), args));
    }

    private static String present(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return value.isEmpty() ? null : value;
    }

    private static int indexOf(Map<String, Integer> index, String item) {
        Integer i = index.get(item);
        if (i == null) {
            throw new IllegalArgumentException("a quality rule names the unknown data item " + item);
        }
        return i;
    }
}

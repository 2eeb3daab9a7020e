package cn.govdata.lake.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;

/**
 * The rules for one catalog entry's records: those its data items imply, then the extension rules.
 *
 * @param rules in the order they apply: per item required, type, length, value standard, then the
 *        extensions; cross-item rules after all single-item rules
 * @param unrecognisedStandards value standard texts of items (item → text) the platform has no checker
 *        for; their values are not checked against them, and the authority should hear about it
 */
public record QualityRules(List<QualityRule> rules, Map<String, String> unrecognisedStandards) {

    public QualityRules {
        rules = List.copyOf(rules);
        unrecognisedStandards = Map.copyOf(unrecognisedStandards);
    }

    /**
     * Derives the rules the data items imply: a value for required and record-key items; the type;
     * the length (characters for text, digits for numbers); the value standard, when known. Built in
     * across items: when the entry has exactly one GB 11643 item, the birth date (the one date item
     * whose Chinese name has 出生 or whose identifier has {@code birth} or is {@code csrq}) must be the
     * ID number's, and a GB/T 2261.1 sex code must agree with it.
     */
    public static QualityRules derive(List<DataItem> items, ValueStandards standards) {
        List<QualityRule> rules = new ArrayList<>();
        Map<String, String> unrecognised = new LinkedHashMap<>();
        List<String> idItems = new ArrayList<>();
        List<String> sexItems = new ArrayList<>();
        List<String> birthItems = new ArrayList<>();
        for (DataItem item : items) {
            String name = item.name();
            if (item.required() || item.recordKey()) {
                rules.add(new QualityRule.Required(name));
            }
            if (item.type() != null && TypeRule.checks(item.type())) {
                rules.add(new TypeRule(name, item.type()));
            }
            if (item.length() != null && item.length() > 0 && item.type() != null && hasLength(item.type())) {
                rules.add(new LengthRule(name, item.length(), isNumber(item.type())));
            }
            if (item.valueStandard() != null && !item.valueStandard().isBlank()) {
                Optional<ValueStandard> standard = standards.find(item.valueStandard());
                standard.ifPresentOrElse(s -> rules.add(new QualityRule.Standard(name, s)),
                        () -> unrecognised.put(name, item.valueStandard()));
                standard.filter(IdNumber.class::isInstance).ifPresent(s -> idItems.add(name));
                standard.filter(CodeList.SEX::equals).ifPresent(s -> sexItems.add(name));
            }
            if (isBirthDate(item)) {
                birthItems.add(name);
            }
        }
        if (idItems.size() == 1) {
            if (birthItems.size() == 1) {
                rules.add(new QualityRule.BirthDateMatchesIdNumber(birthItems.getFirst(), idItems.getFirst()));
            }
            if (sexItems.size() == 1) {
                rules.add(new QualityRule.SexMatchesIdNumber(sexItems.getFirst(), idItems.getFirst()));
            }
        }
        return new QualityRules(rules, unrecognised);
    }

    /** These rules followed by extension rules; single-item extensions before the derived cross-item ones. */
    public QualityRules with(List<? extends QualityRule> extensions) {
        List<QualityRule> all = new ArrayList<>(rules.stream().filter(r -> !(r instanceof QualityRule.CrossItemRule)).toList());
        all.addAll(extensions.stream().filter(r -> !(r instanceof QualityRule.CrossItemRule)).toList());
        all.addAll(rules.stream().filter(QualityRule.CrossItemRule.class::isInstance).toList());
        all.addAll(extensions.stream().filter(QualityRule.CrossItemRule.class::isInstance).toList());
        return new QualityRules(all, unrecognisedStandards);
    }

    private static boolean isBirthDate(DataItem item) {
        if (item.type() != DataType.DATE && item.type() != DataType.DATETIME) {
            return false;
        }
        String identifier = item.name() == null ? "" : item.name().toLowerCase(Locale.ROOT);
        return (item.chineseName() != null && item.chineseName().contains("出生")) || identifier.contains("birth")
                || identifier.equals("csrq");
    }

    private static boolean hasLength(DataType type) {
        return switch (type) {
            case CHARACTER, MEMO -> true;
            default -> isNumber(type);
        };
    }

    private static boolean isNumber(DataType type) {
        return switch (type) {
            case NUMERIC, CURRENCY, INTEGER, DOUBLE, FLOAT -> true;
            default -> false;
        };
    }
}

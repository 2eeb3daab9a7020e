package cn.govdata.share.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongPredicate;

import cn.govdata.catalog.LegalBasis;
import cn.govdata.share.RowFilter;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.application.ShareForms.ApplicationForm;
import cn.govdata.share.application.ShareForms.Approval;
import cn.govdata.share.application.ShareForms.ConditionForm;
import cn.govdata.share.application.ShareForms.Refusal;
import cn.govdata.share.application.ShareForms.RowFilterForm;
import cn.govdata.share.common.StatedText;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * The rules of sharing that do not depend on who asks: what an application must state, that a decision only
 * narrows what was applied for, and that no refusal is without legal basis. Each returns every broken rule,
 * so that a department fixes its application at once.
 */
final class ShareRules {

    static final int TEXT_MAX = StatedText.MAX;
    static final int NEGOTIATION_MAX = 4000;
    static final int MAX_CONDITIONS = 20;
    static final int MAX_VALUES = 200;
    static final int VALUE_MAX = 100;
    static final int MAX_RATE = 10_000;
    static final long MAX_QUOTA = 1_000_000_000L;

    /** What is being asked for. */
    enum Kind {
        /** an unconditional entry: granted at once (SHR-1) */
        REQUEST,
        /** a conditional entry: an application (SHR-2) */
        APPLICATION,
        /** a not-shared entry taken straight to the authority's coordination (NX11) */
        COORDINATION
    }

    /** An application as checked: its texts stripped and its scope normalised, or what is wrong with it. */
    record Checked(String purpose, String useScenario, String legalDuty, String negotiation, Scope scope,
            List<Violation> violations) {
    }

    /** A decision's scope, whether it narrowed what it was given, or what is wrong with it. */
    record Narrowed(Scope scope, boolean narrowed, List<Violation> violations) {
    }

    private ShareRules() {
    }

    /**
     * An application states its purpose, use scenario, the legal duty it serves, the data items (scope) and the
     * period of use (SHR-3: AB23, NX12, NX14), the ways of use and the department's own systems that will use
     * the data. A request for unconditional data needs only a purpose and ways of use: no items means all of
     * them, no period means from today without end.
     *
     * @param entryItems the identifiers of the entry's data items, in the entry's order
     * @param applicantSystem whether a system id is an active connected system of the applicant's department
     */
    static Checked applicationStatesPurposeScopeAndPeriod(ApplicationForm form, Kind kind, List<String> entryItems,
            LocalDate today, LongPredicate applicantSystem) {
        List<Violation> violations = new ArrayList<>();
        boolean full = kind != Kind.REQUEST;
        String purpose = StatedText.of(form.purpose(), "purpose", TEXT_MAX, true, violations);
        String useScenario = StatedText.of(form.useScenario(), "useScenario", TEXT_MAX, full, violations);
        String legalDuty = StatedText.of(form.legalDuty(), "legalDuty", TEXT_MAX, full, violations);
        String negotiation = StatedText.of(form.negotiation(), "negotiation", NEGOTIATION_MAX, kind == Kind.COORDINATION,
                violations);

        List<String> items;
        if (form.items() == null || form.items().isEmpty()) {
            if (full) {
                violations.add(Violation.of("items", ProblemCode.FIELD_REQUIRED, FieldName.of("items")));
            }
            items = full ? List.of() : entryItems;
        } else {
            items = knownItems(form.items(), entryItems, violations);
        }
        RowFilter rowFilter = rowFilter(form.rowFilter(), entryItems, items, violations);

        LocalDate from = form.periodFrom();
        LocalDate to = form.periodTo();
        if (from == null) {
            if (full) {
                violations.add(Violation.of("periodFrom", ProblemCode.FIELD_REQUIRED, FieldName.of("periodFrom")));
            } else {
                from = today;
            }
        } else if (from.isBefore(today)) {
            violations.add(Violation.of("periodFrom", ProblemCode.PERIOD_STARTS_IN_PAST, today.toString()));
        }
        if (to == null) {
            if (full) {
                violations.add(Violation.of("periodTo", ProblemCode.FIELD_REQUIRED, FieldName.of("periodTo")));
            }
        } else if (from != null && to.isBefore(from)) {
            violations.add(Violation.of("periodTo", ProblemCode.PERIOD_ENDS_BEFORE_START));
        }

        List<WayOfUse> ways = ways(form.ways(), null, violations);
        List<Long> systems = new ArrayList<>();
        List<Long> asked = form.systems() == null ? List.of() : form.systems();
        for (int i = 0; i < asked.size(); i++) {
            Long id = asked.get(i);
            if (id == null || !applicantSystem.test(id)) {
                violations.add(Violation.of("systems[" + i + "]", ProblemCode.SYSTEM_NOT_OF_DEPARTMENT,
                        String.valueOf(id)));
            } else if (!systems.contains(id)) {
                systems.add(id);
            }
        }
        Scope scope = new Scope(items, rowFilter, from, to, ways, systems, null, null);
        return new Checked(purpose, useScenario, legalDuty, negotiation, scope, violations);
    }

    /**
     * A decision keeps within what it was given (SHR-3: use stays within the scope applied for): fewer data
     * items, a narrower row filter, a shorter period, fewer ways of use and systems, never more. Whatever the
     * decision leaves out stays as it was. It also sets the grant's limits, or they take the defaults.
     */
    static Narrowed approvalOnlyNarrows(Scope current, Approval approval, List<String> entryItems, int defaultRate,
            long defaultQuota) {
        List<Violation> violations = new ArrayList<>();
        List<String> items = current.items();
        if (approval.items() != null) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < approval.items().size(); i++) {
                String item = approval.items().get(i) == null ? "" : approval.items().get(i).strip();
                if (!current.items().contains(item)) {
                    violations.add(Violation.of("items[" + i + "]", ProblemCode.NOT_A_NARROWING,
                            FieldName.of("items"), item));
                } else if (!kept.contains(item)) {
                    kept.add(item);
                }
            }
            if (approval.items().isEmpty()) {
                violations.add(Violation.of("items", ProblemCode.FIELD_REQUIRED, FieldName.of("items")));
            }
            items = current.items().stream().filter(kept::contains).toList();
        }

        RowFilter rowFilter = current.rowFilter();
        if (approval.rowFilter() != null) {
            int before = violations.size();
            rowFilter = rowFilter(approval.rowFilter(), entryItems, items, violations);
            if (violations.size() == before && !rowFilter.narrows(current.rowFilter())) {
                violations.add(Violation.of("rowFilter", ProblemCode.ROW_FILTER_NOT_NARROWER));
            }
        } else {
            for (String item : rowFilter.items()) {
                if (!items.contains(item)) {
                    violations.add(Violation.of("rowFilter", ProblemCode.ROW_FILTER_ITEM_NOT_GRANTED, item));
                }
            }
        }

        LocalDate from = current.periodFrom();
        if (approval.periodFrom() != null) {
            if (approval.periodFrom().isBefore(current.periodFrom())) {
                violations.add(Violation.of("periodFrom", ProblemCode.NOT_A_NARROWING, FieldName.of("periodFrom"),
                        approval.periodFrom().toString()));
            } else {
                from = approval.periodFrom();
            }
        }
        LocalDate to = current.periodTo();
        if (approval.periodTo() != null) {
            if (current.periodTo() != null && approval.periodTo().isAfter(current.periodTo())) {
                violations.add(Violation.of("periodTo", ProblemCode.NOT_A_NARROWING, FieldName.of("periodTo"),
                        approval.periodTo().toString()));
            } else {
                to = approval.periodTo();
            }
        }
        if (to != null && to.isBefore(from)) {
            violations.add(Violation.of("periodTo", ProblemCode.PERIOD_ENDS_BEFORE_START));
        }

        List<WayOfUse> ways = current.ways();
        if (approval.ways() != null) {
            ways = ways(approval.ways(), current.ways(), violations);
        }

        List<Long> systems = current.systems();
        if (approval.systems() != null) {
            List<Long> kept = new ArrayList<>();
            for (int i = 0; i < approval.systems().size(); i++) {
                Long id = approval.systems().get(i);
                if (id == null || !current.systems().contains(id)) {
                    violations.add(Violation.of("systems[" + i + "]", ProblemCode.NOT_A_NARROWING,
                            FieldName.of("systems"), String.valueOf(id)));
                } else if (!kept.contains(id)) {
                    kept.add(id);
                }
            }
            systems = kept;
        }

        Integer rate = approval.rateLimit() != null ? approval.rateLimit()
                : current.rateLimit() != null ? current.rateLimit() : Integer.valueOf(defaultRate);
        if (rate < 1 || rate > MAX_RATE) {
            violations.add(Violation.of("rateLimit", ProblemCode.INVALID_VALUE, FieldName.of("rateLimit"),
                    rate + " (1–" + MAX_RATE + ")"));
        }
        Long quota = approval.dailyQuota() != null ? approval.dailyQuota()
                : current.dailyQuota() != null ? current.dailyQuota() : Long.valueOf(defaultQuota);
        if (quota < 1 || quota > MAX_QUOTA) {
            violations.add(Violation.of("dailyQuota", ProblemCode.INVALID_VALUE, FieldName.of("dailyQuota"),
                    quota + " (1–" + MAX_QUOTA + ")"));
        }
        if (approval.comment() != null && approval.comment().strip().length() > TEXT_MAX) {
            violations.add(Violation.of("comment", ProblemCode.FIELD_TOO_LONG, FieldName.of("comment"), TEXT_MAX));
        }
        Scope approved = new Scope(items, rowFilter, from, to, ways, systems, rate, quota);
        boolean narrowed = !(items.equals(current.items()) && rowFilter.equals(current.rowFilter())
                && Objects.equals(from, current.periodFrom()) && Objects.equals(to, current.periodTo())
                && ways.equals(current.ways()) && systems.equals(current.systems()));
        return new Narrowed(approved, narrowed, violations);
    }

    /**
     * No refusal without legal basis (SHR-4: YT19, AB23, NX11): a refusal states its reason and cites the law,
     * administrative regulation or central policy it rests on, with the article.
     */
    static List<Violation> refusalStatesReasonAndLegalBasis(Refusal refusal) {
        List<Violation> violations = new ArrayList<>();
        StatedText.of(refusal == null ? null : refusal.reason(), "reason", TEXT_MAX, true, violations);
        LegalBasis basis = refusal == null ? null : refusal.basis();
        if (basis == null || !basis.isComplete()) {
            violations.add(Violation.of("basis", ProblemCode.REFUSAL_NEEDS_BASIS));
        } else {
            if (basis.title().strip().length() > 200) {
                violations.add(Violation.of("basis.title", ProblemCode.FIELD_TOO_LONG, FieldName.of("basis"), 200));
            }
            if (basis.article().strip().length() > 100) {
                violations.add(Violation.of("basis.article", ProblemCode.FIELD_TOO_LONG, FieldName.of("basis"), 100));
            }
        }
        return violations;
    }

    // --- parts -----------------------------------------------------------------------------------------------

    private static List<String> knownItems(List<String> asked, List<String> entryItems, List<Violation> violations) {
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            String item = asked.get(i) == null ? "" : asked.get(i).strip();
            if (!entryItems.contains(item)) {
                violations.add(Violation.of("items[" + i + "]", ProblemCode.UNKNOWN_DATA_ITEM, item));
            } else {
                wanted.add(item);
            }
        }
        return entryItems.stream().filter(wanted::contains).toList();
    }

    /** Parses a row filter whose conditions may test only the given items. */
    static RowFilter rowFilter(RowFilterForm form, List<String> entryItems, List<String> items,
            List<Violation> violations) {
        if (form == null || form.conditions() == null || form.conditions().isEmpty()) {
            return RowFilter.NONE;
        }
        if (form.conditions().size() > MAX_CONDITIONS) {
            violations.add(Violation.of("rowFilter", ProblemCode.INVALID_VALUE, FieldName.of("rowFilter"),
                    "≤ " + MAX_CONDITIONS));
            return RowFilter.NONE;
        }
        List<RowFilter.Condition> conditions = new ArrayList<>();
        for (int i = 0; i < form.conditions().size(); i++) {
            ConditionForm condition = form.conditions().get(i);
            String at = "rowFilter[" + i + "]";
            if (condition == null) {
                violations.add(Violation.of(at + ".item", ProblemCode.FIELD_REQUIRED, FieldName.of(at + ".item")));
                continue;
            }
            int before = violations.size();
            String item = condition.item() == null ? "" : condition.item().strip();
            if (item.isEmpty()) {
                violations.add(Violation.of(at + ".item", ProblemCode.FIELD_REQUIRED, FieldName.of(at + ".item")));
            } else if (!entryItems.contains(item)) {
                violations.add(Violation.of(at + ".item", ProblemCode.UNKNOWN_DATA_ITEM, item));
            } else if (!items.contains(item)) {
                violations.add(Violation.of(at + ".item", ProblemCode.ROW_FILTER_ITEM_NOT_GRANTED, item));
            }
            RowFilter.Op op = null;
            if (condition.op() == null || condition.op().isBlank()) {
                violations.add(Violation.of(at + ".op", ProblemCode.FIELD_REQUIRED, FieldName.of(at + ".op")));
            } else {
                try {
                    op = RowFilter.Op.valueOf(condition.op().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    violations.add(Violation.of(at + ".op", ProblemCode.INVALID_VALUE, FieldName.of(at + ".op"),
                            condition.op()));
                }
            }
            List<String> values = new ArrayList<>();
            List<String> given = condition.values() == null ? List.of() : condition.values();
            if (given.isEmpty()) {
                violations.add(Violation.of(at + ".values", ProblemCode.FIELD_REQUIRED, FieldName.of(at + ".values")));
            } else if (given.size() > MAX_VALUES) {
                violations.add(Violation.of(at + ".values", ProblemCode.INVALID_VALUE, FieldName.of(at + ".values"),
                        "≤ " + MAX_VALUES));
            } else {
                for (String value : given) {
                    String v = value == null ? "" : value.strip();
                    if (v.isEmpty() || v.length() > VALUE_MAX) {
                        violations.add(Violation.of(at + ".values", ProblemCode.INVALID_VALUE,
                                FieldName.of(at + ".values"), "1–" + VALUE_MAX));
                        break;
                    }
                    if (!values.contains(v)) {
                        values.add(v);
                    }
                }
            }
            if (violations.size() == before) {
                conditions.add(new RowFilter.Condition(item, op, values));
            }
        }
        return new RowFilter(conditions);
    }

    /** Ways of use by name, each known and, when {@code within} is given, among those. In the enum's order. */
    private static List<WayOfUse> ways(List<String> asked, List<WayOfUse> within, List<Violation> violations) {
        if (asked == null || asked.isEmpty()) {
            violations.add(Violation.of("ways", ProblemCode.FIELD_REQUIRED, FieldName.of("ways")));
            return List.of();
        }
        EnumSet<WayOfUse> ways = EnumSet.noneOf(WayOfUse.class);
        for (int i = 0; i < asked.size(); i++) {
            String name = asked.get(i) == null ? "" : asked.get(i).strip().toUpperCase(Locale.ROOT);
            WayOfUse way;
            try {
                way = WayOfUse.valueOf(name);
            } catch (IllegalArgumentException e) {
                violations.add(Violation.of("ways[" + i + "]", ProblemCode.INVALID_VALUE, FieldName.of("ways"),
                        asked.get(i)));
                continue;
            }
            if (within != null && !within.contains(way)) {
                violations.add(Violation.of("ways[" + i + "]", ProblemCode.NOT_A_NARROWING, FieldName.of("ways"),
                        way.name()));
            } else {
                ways.add(way);
            }
        }
        return List.copyOf(ways);
    }
}

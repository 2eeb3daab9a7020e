package cn.govdata.share;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.govdata.lake.LakeRecords;
import cn.govdata.lake.RecordKey;
import cn.govdata.shared.MaskingRule;

/**
 * What {@link ShareGrants#authorize} allows: the grant a use falls under and its limits, and the one gate through
 * which shared data leaves the platform under it. Every exit — verification, query, exchange, push, the value an
 * objection shows — reads only the records {@link #conditions()} admit and hands out values only as
 * {@link #masked(String, String)} gives them; nothing else in the module masks or filters. The use is recorded with
 * the grant's purpose and approver (SEC-2).
 *
 * @param grantId the grant
 * @param entryId the catalog entry whose data is used
 * @param resourceCode its resource code
 * @param providerDepartmentId the department whose data it is
 * @param consumerDepartmentId the department that uses it
 * @param way the way of use asked for
 * @param items the data items asked for, or every granted item when none were named
 * @param rowFilter the records the grant reaches
 * @param purpose the purpose the data may be used for (SHR-3, SHR-6)
 * @param approvedBy who approved the grant (a user's login name), or null for an unconditional entry,
 *        which its publication in the catalog approved
 * @param approvedByDepartmentId the approving department (the provider for unconditional entries)
 * @param validUntil the last day of the grant, or null when it has no end
 * @param rateLimit requests per second the grant allows
 * @param dailyQuota records per day (Beijing time) the grant allows
 * @param masking the desensitisation the grant prescribes per item; an item without a rule is masked whole
 */
public record AuthorizedUse(long grantId, long entryId, String resourceCode, long providerDepartmentId,
        long consumerDepartmentId, WayOfUse way, List<String> items, RowFilter rowFilter, String purpose,
        String approvedBy, long approvedByDepartmentId, LocalDate validUntil, int rateLimit, long dailyQuota,
        Map<String, MaskingRule> masking) {

    public AuthorizedUse {
        items = List.copyOf(items);
        masking = masking == null ? Map.of() : Map.copyOf(masking);
    }

    /** The grant's row filter as the lake reads it: a read under this grant admits only these records. */
    public List<LakeRecords.Condition> conditions() {
        return rowFilter.conditions().stream().map(c -> new LakeRecords.Condition(c.item(),
                c.op() == RowFilter.Op.EQUALS ? LakeRecords.Match.EQUALS : LakeRecords.Match.STARTS_WITH, c.values()))
                .toList();
    }

    /** A value of an item as it may leave the platform under this grant. */
    public String masked(String item, String value) {
        return masking.getOrDefault(item, MaskingRule.FULL).apply(value);
    }

    /** A record's values as they may leave the platform under this grant, in the record's order. */
    public Map<String, String> masked(Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>();
        values.forEach((item, value) -> masked.put(item, masked(item, value)));
        return masked;
    }

    /**
     * One change of the dataset (read within {@link #conditions()}) as an exchange or a push delivers it: a record's
     * delivered items, masked; a deletion by the delivered key items only, masked — and not at all when no key item
     * is among the items delivered, since nothing would say which record went.
     *
     * @param keyItems the dataset's key items, in key order
     * @param delivered the items the exchange or push delivers
     */
    public Optional<SharedChange> delivered(LakeRecords.Change change, List<String> keyItems, List<String> delivered) {
        if (!change.deleted()) {
            return Optional.of(new SharedChange(masked(change.values()), false));
        }
        if (delivered.stream().noneMatch(keyItems::contains)) {
            return Optional.empty();
        }
        return Optional.of(new SharedChange(masked(RecordKey.parse(change.key()).byItem(keyItems, delivered)), true));
    }
}

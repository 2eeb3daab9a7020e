package cn.govdata.share;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.govdata.security.MaskingRule;

/**
 * What {@link ShareGrants#authorize} allows: the grant a use falls under and its limits. The data access
 * interfaces deliver only {@code items}, only records within {@code rowFilter}, and record a use with the
 * grant's purpose and approver (SEC-2).
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

    /** A value of an item as it may leave the platform under this grant. */
    public String masked(String item, String value) {
        return masking.getOrDefault(item, MaskingRule.FULL).apply(value);
    }
}

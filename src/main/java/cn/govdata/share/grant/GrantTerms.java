package cn.govdata.share.grant;

import java.time.LocalDate;
import java.util.List;

import cn.govdata.share.RowFilter;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.grant.Grants.Origin;
import cn.govdata.shared.Actor;

/**
 * What a grant is issued with: the application it answers (its purpose, scenario and legal duty, whom it is
 * between), the scope decided, the limits and who approved it.
 *
 * @param validUntil the last day, or null for a use without end (unconditional requests only)
 * @param approver the share approver who approved it, or null for an unconditional entry, whose publication in the
 *        catalog is its approval (the provider is then the approving department)
 */
public record GrantTerms(long applicationId, long regionId, long entryId, String resourceCode, String entryName,
        long providerDepartmentId, long consumerDepartmentId, String purpose, String useScenario, String legalDuty,
        List<String> items, RowFilter rowFilter, List<WayOfUse> ways, List<Long> systems, LocalDate validFrom,
        LocalDate validUntil, int rateLimit, long dailyQuota, Origin origin, Actor approver) {

    public GrantTerms {
        items = List.copyOf(items);
        ways = List.copyOf(ways);
        systems = List.copyOf(systems);
    }
}

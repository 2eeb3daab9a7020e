package cn.govdata.share.application;

import java.time.LocalDate;
import java.util.List;

import cn.govdata.share.RowFilter;
import cn.govdata.share.WayOfUse;

/**
 * What an application asks for, or a decision allows: data items (identifiers), the records (row filter),
 * the period, the ways of use, the department's systems that will use it, and the grant's limits (set by
 * the approver only).
 *
 * @param periodTo the last day, or null for a use without end (unconditional requests only)
 * @param rateLimit requests per second, null until an approver sets it
 * @param dailyQuota records per day, null until an approver sets it
 */
record Scope(List<String> items, RowFilter rowFilter, LocalDate periodFrom, LocalDate periodTo, List<WayOfUse> ways,
        List<Long> systems, Integer rateLimit, Long dailyQuota) {

    Scope {
        items = items == null ? List.of() : List.copyOf(items);
        rowFilter = rowFilter == null ? RowFilter.NONE : rowFilter;
        ways = ways == null ? List.of() : List.copyOf(ways);
        systems = systems == null ? List.of() : List.copyOf(systems);
    }

    Scope withLimits(Integer rate, Long quota) {
        return new Scope(items, rowFilter, periodFrom, periodTo, ways, systems, rate, quota);
    }
}

package cn.govdata.share;

import java.util.Map;

/**
 * One change of a shared dataset as it leaves the platform, in an exchange's JSON Lines and a push's page alike
 * ({@link AuthorizedUse#delivered}): a record's delivered items, masked as the grant prescribes, or a deletion
 * with only the delivered key items.
 */
public record SharedChange(Map<String, String> values, boolean deleted) {
}

package cn.govdata.share;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which records of a catalog entry's dataset are under review: an open objection on them (SHR-7). The data
 * access interfaces deliver such records marked as under review — never withheld, so that nobody's business waits
 * for the check.
 */
public interface RecordsUnderReview {

    /**
     * @param recordKeys record keys as the lake stores them ({@code LakeRecords.Row#key()})
     * @return for each key with an open objection, the data items objected to, in key order; keys without an open
     *         objection are absent
     */
    Map<String, Set<String>> underReview(long entryId, Collection<String> recordKeys);
}

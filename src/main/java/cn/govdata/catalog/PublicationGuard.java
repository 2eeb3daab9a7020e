package cn.govdata.catalog;

import java.util.List;

import cn.govdata.shared.Violation;

/**
 * A check another module makes before a new version of an entry is published: e.g. the lake refuses a
 * version whose data items would no longer fit the data already aggregated. Lets the catalog ask without
 * depending on the modules that build on it.
 */
public interface PublicationGuard {

    /** What would break if {@code next} became the published content of the entry; empty when nothing would. */
    List<Violation> check(long entryId, EntryContent next);
}

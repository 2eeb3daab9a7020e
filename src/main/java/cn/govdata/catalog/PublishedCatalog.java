package cn.govdata.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.shared.CacheDrops;
import cn.govdata.shared.ReadThroughCache;

import tools.jackson.databind.json.JsonMapper;

/**
 * The published catalog as the modules that aggregate, share and open data see it: nothing is aggregated,
 * shared or opened that is not in it (YT9, AB15). Only published, non-retired entries are answered, each with
 * the content of its version in force.
 */
@Component
public class PublishedCatalog {

    /** A published entry: its codes, owner, version in force and what that version says. */
    public record PublishedEntry(long id, String resourceCode, long regionId, long departmentId, int version,
            EntryContent content) {
    }

    /** A published entry that holds some of the data items asked about (by Chinese name). */
    public record ItemMatch(long entryId, String resourceCode, String name, long departmentId, List<String> items) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /**
     * Entries by id: every shared read authorises against its entry. Dropped on every node when the entry is
     * published or retired, and after five seconds otherwise.
     */
    private final ReadThroughCache<Long, Optional<PublishedEntry>> byId;

    PublishedCatalog(JdbcClient jdbc, JsonMapper json, CacheDrops caches) {
        this.jdbc = jdbc;
        this.json = json;
        this.byId = caches.cache("catalog.published-entries", Duration.ofSeconds(5), 20_000);
    }

    @EventListener
    void onEntryChanged(CatalogEntryChanged event) {
        byId.forgetAfterCommit(event.entryId());
    }

    /** The entry as published; kept in memory for a few seconds, and dropped at once on every node when it changes. */
    public Optional<PublishedEntry> byId(long id) {
        return byId.get(id, key -> find("e.id = ?", key));
    }

    public Optional<PublishedEntry> byCode(String resourceCode) {
        return find("e.resource_code = ?", resourceCode);
    }

    /**
     * The published entries of a region that hold data items with any of the given Chinese names: what the
     * platform already has, so that it is not collected or bought again (AGG-3, AGG-5).
     */
    public List<ItemMatch> holding(long regionId, java.util.Collection<String> chineseNames) {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        chineseNames.forEach(n -> wanted.add(n.strip()));
        List<ItemMatch> matches = new java.util.ArrayList<>();
        jdbc.sql("""
                select e.id, e.resource_code, v.name, e.department_id, v.item_names
                from catalog_entry e join catalog_version v on v.entry_id = e.id and v.version = e.published_version
                where e.region_id = ? and not e.retired order by e.resource_code""")
                .param(regionId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    List<String> items = java.util.Arrays.stream(rs.getString(5).split("\n")).filter(wanted::contains)
                            .toList();
                    if (!items.isEmpty()) {
                        matches.add(new ItemMatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), items));
                    }
                });
        return matches;
    }

    /** One page of a region's published entries of some share types, by resource code, and how many there are. */
    public record Page(List<PublishedEntry> entries, long total) {
    }

    /**
     * The published, non-retired entries of a region with one of the given share types (all types when empty),
     * optionally of one providing department, ordered by resource code: the catalog as a department that
     * wants to use shared data sees it (SHR-1, SHR-2).
     */
    public Page byShareType(long regionId, java.util.Collection<cn.govdata.policy.PolicyProfile.ShareType> types,
            Long departmentId, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where e.region_id = ? and not e.retired");
        List<Object> params = new java.util.ArrayList<>(List.of(regionId));
        if (!types.isEmpty()) {
            where.append(" and v.share_type in (")
                    .append(String.join(", ", java.util.Collections.nCopies(types.size(), "?"))).append(')');
            types.forEach(t -> params.add(t.name()));
        }
        if (departmentId != null) {
            where.append(" and e.department_id = ?");
            params.add(departmentId);
        }
        String from = " from catalog_entry e join catalog_version v on v.entry_id = e.id and v.version = e.published_version";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        List<Object> pageParams = new java.util.ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        List<PublishedEntry> entries = jdbc.sql("select e.id, e.resource_code, e.region_id, e.department_id, v.version, v.content"
                + from + where + " order by e.resource_code limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new PublishedEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5), json.readValue(rs.getString(6), EntryContent.class)))
                .list();
        return new Page(entries, total);
    }

    /**
     * The published, non-retired entries of every region with an id above the given one, by id: the whole published
     * catalog read in pages (the catalog cascade to an upper platform compares it with what it delivered).
     */
    public List<PublishedEntry> after(long afterId, int limit) {
        return jdbc.sql("""
                select e.id, e.resource_code, e.region_id, e.department_id, v.version, v.content
                from catalog_entry e join catalog_version v on v.entry_id = e.id and v.version = e.published_version
                where not e.retired and e.id > ? order by e.id limit ?""")
                .params(afterId, limit)
                .query((rs, n) -> new PublishedEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5), json.readValue(rs.getString(6), EntryContent.class)))
                .list();
    }

    /**
     * The published version of each of these entries, for those still published and not retired (the others are
     * absent): what a follower of the catalog compares with the version it holds, without reading the contents.
     */
    public java.util.Map<Long, Integer> publishedVersions(java.util.Collection<Long> entryIds) {
        java.util.Map<Long, Integer> versions = new java.util.HashMap<>();
        if (entryIds.isEmpty()) {
            return versions;
        }
        jdbc.sql("select id, published_version from catalog_entry where not retired and published_version is not null"
                + " and id in (" + String.join(", ", java.util.Collections.nCopies(entryIds.size(), "?")) + ")")
                .params(List.copyOf(entryIds))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> versions.put(rs.getLong(1), rs.getInt(2)));
        return versions;
    }

    private Optional<PublishedEntry> find(String condition, Object value) {
        return jdbc.sql("""
                select e.id, e.resource_code, e.region_id, e.department_id, v.version, v.content
                from catalog_entry e join catalog_version v on v.entry_id = e.id and v.version = e.published_version
                where not e.retired and """ + " " + condition)
                .param(value)
                .query((rs, n) -> new PublishedEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5), json.readValue(rs.getString(6), EntryContent.class)))
                .optional();
    }
}

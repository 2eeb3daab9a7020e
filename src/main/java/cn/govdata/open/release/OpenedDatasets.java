package cn.govdata.open.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.open.desensitise.DesensitisationGate;
import cn.govdata.open.desensitise.ItemRule;
import cn.govdata.open.release.OpenedDataset.State;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.shared.MaskingRule;
import tools.jackson.databind.json.JsonMapper;

/**
 * The opened datasets as stored, and as the public may see them: {@link #visible} answers a dataset only while it
 * is open and its catalog entry still published, unclassified and open — the catalog is asked at every read, so a
 * retired entry disappears at once, not at the next {@link CatalogFollower} run.
 */
@Component
public class OpenedDatasets {

    /** A stored rule, and whether the provider chose it (or it is the item's default). */
    public record StoredRule(ItemRule rule, boolean chosen) {
    }

    private static final String COLUMNS = """
            id, entry_id, package_id, resource_id, name, region_id, department_id, organization, owner_org, state,
            public_state, open_type, catalog_version, resource_code, content, hash_key, review_id, opened_by, opened_at,
            decided_by, decided_at, decision_note, withdrawn_by, withdrawn_at, withdrawal_reason, metadata_created,
            metadata_modified""";
    private static final String PREFIXED = java.util.Arrays.stream(COLUMNS.split(","))
            .map(c -> "d." + c.strip()).collect(java.util.stream.Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PublishedCatalog catalog;
    private final ApplicationEventPublisher events;
    private final com.github.benmanes.caffeine.cache.Cache<ContentKey, EntryContent> contents =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    OpenedDatasets(JdbcClient jdbc, JsonMapper json, PublishedCatalog catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.events = events;
    }

    public Optional<OpenedDataset> byId(long id) {
        return one("id = ?", id);
    }

    public Optional<OpenedDataset> byEntry(long entryId) {
        return one("entry_id = ?", entryId);
    }

    /** An open dataset by its id, its name or its resource code, while the public may see it. */
    public Optional<OpenedDataset> visible(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            return Optional.empty();
        }
        String ref = reference.strip();
        return one("public_state = 'active' and (package_id = ? or name = ?)", ref.toLowerCase(Locale.ROOT),
                PublicNames.packageName(ref)).filter(this::live);
    }

    /** The open dataset of a resource id, while the public may see it. */
    public Optional<OpenedDataset> visibleByResource(String resourceId) {
        if (resourceId == null || resourceId.length() > 100) {
            return Optional.empty();
        }
        return one("public_state = 'active' and resource_id = ?", resourceId.strip().toLowerCase(Locale.ROOT))
                .filter(this::live);
    }

    /** Whether the catalog still has the entry published, unclassified and of an open type. */
    public boolean live(OpenedDataset dataset) {
        return catalog.byId(dataset.entryId()).map(e -> openable(e.content())).orElse(false);
    }

    static boolean openable(EntryContent content) {
        return !content.classified()
                && (content.openType() == OpenType.OPEN || content.openType() == OpenType.CONDITIONAL_OPEN);
    }

    /**
     * The rows a search selects, read by the search's own statement, so that what it shows (state, stamp, metadata)
     * is what it sorted and filtered on, even while datasets change: {@code tail} is the statement after the select
     * list — from (open_dataset as {@code d}), where, order, limit.
     */
    public List<OpenedDataset> select(String tail, List<Object> params) {
        return jdbc.sql("select " + PREFIXED + tail).params(params).query(this::row).list();
    }

    /** The row, locked until the caller's transaction ends: changes of one dataset happen one after the other. */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public OpenedDataset lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from open_dataset where id = ? for update").param(id).query(this::row)
                .single();
    }

    /** An opened dataset that follows the catalog, and the catalog version it shows. */
    record Followed(long id, long entryId, int catalogVersion) {
    }

    /** The datasets whose catalog entry is followed: open, or waiting for the authority. */
    List<Followed> followed() {
        return jdbc.sql("select id, entry_id, catalog_version from open_dataset where state in ('OPEN',"
                + " 'AWAITING_CONFIRMATION') order by id")
                .query((rs, n) -> new Followed(rs.getLong(1), rs.getLong(2), rs.getInt(3))).list();
    }

    /** A page of the openings of a region, optionally of one department and in one state, newest first. */
    public List<OpenedDataset> list(long regionId, Long departmentId, State state, int offset, int limit) {
        StringBuilder where = new StringBuilder("region_id = ?");
        List<Object> params = new ArrayList<>(List.of(regionId));
        if (departmentId != null) {
            where.append(" and department_id = ?");
            params.add(departmentId);
        }
        if (state != null) {
            where.append(" and state = ?");
            params.add(state.name());
        }
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select " + COLUMNS + " from open_dataset where " + where + " order by opened_at desc, id desc"
                + " limit ? offset ?").params(params).query(this::row).list();
    }

    public List<StoredRule> rules(long id) {
        return rules(List.of(id)).getOrDefault(id, List.of());
    }

    /** The rules of several datasets at once (a page of search results), by dataset id. */
    public Map<Long, List<StoredRule>> rules(java.util.Collection<Long> ids) {
        Map<Long, List<StoredRule>> rules = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return rules;
        }
        jdbc.sql("select open_dataset_id, item_name, rule, kept, chosen from open_item_rule where open_dataset_id in ("
                + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ") order by item_name")
                .params(List.copyOf(ids))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> rules
                        .computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>())
                        .add(new StoredRule(new ItemRule(rs.getString(2), MaskingRule.valueOf(rs.getString(3)),
                                (Integer) rs.getObject(4)), rs.getBoolean(5))));
        return rules;
    }

    /** The terms the gate releases the dataset's values under. */
    public DesensitisationGate.Terms terms(OpenedDataset dataset) {
        Map<String, ItemRule> rules = new LinkedHashMap<>();
        rules(dataset.id()).forEach(r -> rules.put(r.rule().item(), r.rule()));
        return new DesensitisationGate.Terms(dataset.entryId(), rules, dataset.hashKey());
    }

    // ---- writes, in the callers' transactions; each tells of the changed row (OpenedDatasetChanged)

    long insert(OpenedDataset d) {
        jdbc.sql("""
                insert into open_dataset (entry_id, package_id, resource_id, name, region_id, department_id, organization,
                    owner_org, state, public_state, open_type, catalog_version, resource_code, content, title,
                    search_text, group_name, update_cycle, source_format, hash_key, opened_by, opened_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', null, null, null, ?, ?, ?)""")
                .params(d.entryId(), d.packageId(), d.resourceId(), d.name(), d.regionId(), d.departmentId(),
                        d.organization(), d.ownerOrg(), d.state().name(), d.publicState(), d.openType().name(),
                        d.catalogVersion(), d.resourceCode(), json.writeValueAsString(d.content()), d.hashKeyHex(),
                        d.openedBy(), d.openedAt())
                .update();
        long id = jdbc.sql("select id from open_dataset where entry_id = ?").param(d.entryId()).query(Long.class).single();
        events.publishEvent(new OpenedDatasetChanged(id));
        return id;
    }

    /**
     * What the public sees of the dataset changed beside its row (an emergency flag pins it first): copies of it, such
     * as the search index, read it again once the caller's transaction commits.
     */
    public void touched(long id) {
        events.publishEvent(new OpenedDatasetChanged(id));
    }

    /** Writes everything but the ids and names; the search columns from the content and the department's name. */
    void update(OpenedDataset d, String departmentName) {
        EntryContent c = d.content();
        jdbc.sql("""
                update open_dataset set organization = ?, owner_org = ?, state = ?, public_state = ?, open_type = ?,
                    catalog_version = ?, content = ?, title = ?, search_text = ?, group_name = ?, update_cycle = ?,
                    source_format = ?, review_id = ?, opened_by = ?, opened_at = ?, decided_by = ?, decided_at = ?,
                    decision_note = ?, withdrawn_by = ?, withdrawn_at = ?, withdrawal_reason = ?, metadata_created = ?,
                    metadata_modified = ?
                where id = ?""")
                .params(d.organization(), d.ownerOrg(), d.state().name(), d.publicState(), d.openType().name(),
                        d.catalogVersion(), json.writeValueAsString(c), cut(c.name(), 200),
                        PublicNames.searchText(c, departmentName, d.resourceCode()),
                        PublicNames.groupName(c.classification()),
                        c.updateCycle() == null ? null : c.updateCycle().name(),
                        c.format() == null ? null : c.format().name(), d.reviewId(), d.openedBy(), d.openedAt(),
                        d.decidedBy(), d.decidedAt(), cut(d.decisionNote(), 2000), d.withdrawnBy(), d.withdrawnAt(),
                        cut(d.withdrawalReason(), 2000), d.created(), d.modified(), d.id())
                .update();
        jdbc.sql("delete from open_dataset_tag where open_dataset_id = ?").param(d.id()).update();
        for (String tag : PublicNames.tags(c)) {
            jdbc.sql("insert into open_dataset_tag (open_dataset_id, tag) values (?, ?)").params(d.id(), tag).update();
        }
        events.publishEvent(new OpenedDatasetChanged(d.id()));
    }

    void replaceRules(long id, List<StoredRule> rules) {
        jdbc.sql("delete from open_item_rule where open_dataset_id = ?").param(id).update();
        for (StoredRule r : rules) {
            jdbc.sql("insert into open_item_rule (open_dataset_id, item_name, rule, kept, chosen) values (?, ?, ?, ?, ?)")
                    .params(id, r.rule().item(), r.rule().rule().name(), r.rule().kept(), r.chosen()).update();
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private Optional<OpenedDataset> one(String condition, Object... params) {
        return jdbc.sql("select " + COLUMNS + " from open_dataset where " + condition).params(params).query(this::row)
                .optional();
    }

    private OpenedDataset row(ResultSet rs, int n) throws SQLException {
        return new OpenedDataset(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("package_id"),
                rs.getString("resource_id"), rs.getString("name"), rs.getLong("region_id"), rs.getLong("department_id"),
                rs.getString("organization"), rs.getString("owner_org"), State.valueOf(rs.getString("state")),
                rs.getString("public_state"), OpenType.valueOf(rs.getString("open_type")), rs.getInt("catalog_version"),
                rs.getString("resource_code"), content(rs.getLong("entry_id"), rs.getInt("catalog_version"),
                        rs.getString("content")),
                rs.getString("hash_key"), (Long) rs.getObject("review_id", Long.class), rs.getString("opened_by"),
                time(rs, "opened_at"), rs.getString("decided_by"), time(rs, "decided_at"), rs.getString("decision_note"),
                rs.getString("withdrawn_by"), time(rs, "withdrawn_at"), rs.getString("withdrawal_reason"),
                time(rs, "metadata_created"), time(rs, "metadata_modified"));
    }

    /** A catalog version's content, read once: every search result and dataset page holds one. */
    private EntryContent content(long entryId, int version, String text) {
        return contents.get(new ContentKey(entryId, version, text.length(), text.hashCode()),
                key -> json.readValue(text, EntryContent.class));
    }

    /** A stored content by its version and its text's length and hash (a version's content does not change). */
    private record ContentKey(long entryId, int version, int length, int hash) {
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}

package cn.govdata.federation.harvest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.federation.harvest.Tally.Outcome;
import tools.jackson.databind.json.JsonMapper;

/**
 * The datasets harvested (table {@code federation_harvested_dataset}), one row per source and the source's id, so
 * that a dataset read again is never a second one. What the source says is compared by a hash of its content: the
 * same content is unchanged, whatever stamp came with it. A dataset the source deleted (or that left a DCAT
 * catalog) is withdrawn, kept with its origin; one that comes back is harvested again.
 */
@Component
class HarvestedDatasets {

    /** A harvested dataset with where it came from. */
    record HarvestedDataset(long id, long sourceId, String sourceName, String sourceUrl, String sourceDatasetId,
            String name, String title, String organization, String originalUrl, String sourceModified,
            boolean withdrawn, long regionId, Long departmentId, Map<String, Object> content,
            OffsetDateTime firstHarvestedAt, OffsetDateTime harvestedAt) {
    }

    private record Kept(long id, String hash, boolean withdrawn) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HarvestedDatasets(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Outcome keep(HarvestSources.Target source, HarvestedRecord dataset) {
        Optional<Kept> kept = kept(source.id(), dataset.sourceId());
        OffsetDateTime now = HarvestSources.now();
        if (dataset.deleted()) {
            if (kept.isEmpty() || kept.get().withdrawn()) {
                return Outcome.IGNORED;
            }
            jdbc.sql("update federation_harvested_dataset set withdrawn = true, source_modified = ?, harvested_at = ? "
                    + "where id = ?").params(dataset.modified(), now, kept.get().id()).update();
            return Outcome.WITHDRAWN;
        }
        String content = json.writeValueAsString(content(dataset));
        String hash = sha256(content);
        if (kept.isEmpty()) {
            jdbc.sql("""
                    insert into federation_harvested_dataset (source_id, source_dataset_id, name, title, organization,
                        original_url, source_modified, content, content_hash, withdrawn, region_id, department_id,
                        first_harvested_at, harvested_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)""")
                    .params(source.id(), dataset.sourceId(), cut(dataset.name(), 200), cut(dataset.title(), 500),
                            cut(dataset.organization(), 300), cut(dataset.originalUrl(), 1000), dataset.modified(),
                            content, hash, source.regionId(), source.departmentId(), now, now)
                    .update();
            return Outcome.CREATED;
        }
        if (kept.get().hash().equals(hash) && !kept.get().withdrawn()) {
            jdbc.sql("update federation_harvested_dataset set source_modified = ? where id = ?")
                    .params(dataset.modified(), kept.get().id()).update();
            return Outcome.UNCHANGED;
        }
        jdbc.sql("""
                update federation_harvested_dataset set name = ?, title = ?, organization = ?, original_url = ?,
                    source_modified = ?, content = ?, content_hash = ?, withdrawn = false, region_id = ?,
                    department_id = ?, harvested_at = ?
                where id = ?""")
                .params(cut(dataset.name(), 200), cut(dataset.title(), 500), cut(dataset.organization(), 300),
                        cut(dataset.originalUrl(), 1000), dataset.modified(), content, hash, source.regionId(),
                        source.departmentId(), now, kept.get().id())
                .update();
        return Outcome.UPDATED;
    }

    /** Withdraws what the source no longer lists (a DCAT catalog is read whole each run); returns how many. */
    int withdrawAbsent(long sourceId, Set<String> listed) {
        List<Long> absent = new ArrayList<>();
        jdbc.sql("select id, source_dataset_id from federation_harvested_dataset where source_id = ? and withdrawn = false")
                .param(sourceId).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    if (!listed.contains(rs.getString(2))) {
                        absent.add(rs.getLong(1));
                    }
                });
        OffsetDateTime now = HarvestSources.now();
        for (long id : absent) {
            jdbc.sql("update federation_harvested_dataset set withdrawn = true, harvested_at = ? where id = ?")
                    .params(now, id).update();
        }
        return absent.size();
    }

    List<HarvestedDataset> list(long sourceId, boolean withWithdrawn, int limit, long offset) {
        return jdbc.sql(SELECT + " where d.source_id = ?" + (withWithdrawn ? "" : " and d.withdrawn = false")
                + " order by d.id limit ? offset ?").params(sourceId, limit, offset).query(this::map).list();
    }

    /** Where a harvested dataset came from, as the portal shows it. */
    record Origin(String source, String url, String page) {
    }

    /** A harvested dataset as the public sees it: what the source said, and where it came from. */
    record PublicDataset(long id, String title, String name, String organization, Map<String, Object> content,
            String modified, OffsetDateTime harvestedAt, Origin origin) {
    }

    record PublicPage(long total, List<PublicDataset> items) {
    }

    /** The harvested datasets not withdrawn, newest harvest first; {@code q} in the title, summary or organisation. */
    PublicPage published(String q, int limit, long offset) {
        StringBuilder where = new StringBuilder(" where d.withdrawn = false");
        List<Object> params = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            String like = "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" and (lower(d.title) like ? escape '\\' or lower(d.organization) like ? escape '\\'"
                    + " or lower(d.content) like ? escape '\\')");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        long total = jdbc.sql("select count(*) from federation_harvested_dataset d" + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        List<PublicDataset> items = jdbc.sql(SELECT + where + " order by d.harvested_at desc, d.id desc limit ? offset ?")
                .params(pageParams).query(this::map).list().stream().map(HarvestedDatasets::forPublic).toList();
        return new PublicPage(total, items);
    }

    Optional<PublicDataset> published(long id) {
        return jdbc.sql(SELECT + " where d.id = ? and d.withdrawn = false").param(id).query(this::map).optional()
                .map(HarvestedDatasets::forPublic);
    }

    private static PublicDataset forPublic(HarvestedDataset d) {
        return new PublicDataset(d.id(), d.title(), d.name(), d.organization(), d.content(), d.sourceModified(),
                d.harvestedAt(), new Origin(d.sourceName(), d.sourceUrl(), d.originalUrl()));
    }

    long count(long sourceId, boolean withWithdrawn) {
        return jdbc.sql("select count(*) from federation_harvested_dataset where source_id = ?"
                + (withWithdrawn ? "" : " and withdrawn = false")).param(sourceId).query(Long.class).single();
    }

    private static final String SELECT = """
            select d.id, d.source_id, s.name as source_name, s.url as source_url, d.source_dataset_id, d.name, d.title,
                d.organization, d.original_url, d.source_modified, d.withdrawn, d.region_id, d.department_id, d.content,
                d.first_harvested_at, d.harvested_at
            from federation_harvested_dataset d join federation_harvest_source s on s.id = d.source_id""";

    @SuppressWarnings("unchecked")
    private HarvestedDataset map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new HarvestedDataset(rs.getLong("id"), rs.getLong("source_id"), rs.getString("source_name"),
                rs.getString("source_url"), rs.getString("source_dataset_id"), rs.getString("name"),
                rs.getString("title"), rs.getString("organization"), rs.getString("original_url"),
                rs.getString("source_modified"), rs.getBoolean("withdrawn"), rs.getLong("region_id"),
                rs.getObject("department_id", Long.class), json.readValue(rs.getString("content"), Map.class),
                rs.getObject("first_harvested_at", OffsetDateTime.class),
                rs.getObject("harvested_at", OffsetDateTime.class));
    }

    private Optional<Kept> kept(long sourceId, String sourceDatasetId) {
        return jdbc.sql("select id, content_hash, withdrawn from federation_harvested_dataset "
                + "where source_id = ? and source_dataset_id = ?").params(sourceId, sourceDatasetId)
                .query((rs, n) -> new Kept(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).optional();
    }

    /** What is kept of the dataset: everything the source said but its stamp and deletion. */
    private static Map<String, Object> content(HarvestedRecord dataset) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", dataset.name());
        content.put("title", dataset.title());
        content.put("notes", dataset.notes());
        content.put("organization", dataset.organization());
        content.put("originalUrl", dataset.originalUrl());
        content.put("tags", dataset.tags());
        content.put("resources", dataset.resources());
        content.put("license", dataset.license());
        return content;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

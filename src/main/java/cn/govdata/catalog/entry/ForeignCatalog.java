package cn.govdata.catalog.entry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.ForeignEntries;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog entries received from lower platforms (table {@code catalog_foreign_entry}): stored as they come,
 * keyed by origin and origin id, and refused to every change made here ({@link #requireLocal}).
 */
@Service
class ForeignCatalog implements ForeignEntries {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    ForeignCatalog(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    private record Kept(long id, int version, boolean retired) {
    }

    @Override
    @Transactional
    public boolean put(ForeignEntry entry) {
        check(entry);
        String classification = entry.content().classification().code();
        String content = json.writeValueAsString(entry.content());
        Optional<Kept> kept = kept(entry.origin().key(), entry.originEntryId());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id;
        if (kept.isEmpty()) {
            jdbc.sql("""
                    insert into catalog_foreign_entry (origin_key, origin_entry_id, origin_platform, origin_base_url,
                        region_id, department_name, department_credit_code, origin_region_code, origin_region_name,
                        resource_code, classification_code, version, content, retired, received_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""")
                    .params(entry.origin().key(), entry.originEntryId(), entry.origin().platform(),
                            entry.origin().baseUrl(), entry.regionId(), entry.departmentName(),
                            entry.departmentCreditCode(), entry.regionCode(), entry.regionName(), entry.resourceCode(),
                            classification, entry.version(), content, now)
                    .update();
            id = kept(entry.origin().key(), entry.originEntryId()).orElseThrow().id();
        } else if (entry.version() > kept.get().version()) {
            id = kept.get().id();
            jdbc.sql("""
                    update catalog_foreign_entry set origin_platform = ?, origin_base_url = ?, region_id = ?,
                        department_name = ?, department_credit_code = ?, origin_region_code = ?, origin_region_name = ?,
                        resource_code = ?, classification_code = ?, version = ?, content = ?, retired = false,
                        received_at = ?
                    where id = ?""")
                    .params(entry.origin().platform(), entry.origin().baseUrl(), entry.regionId(),
                            entry.departmentName(), entry.departmentCreditCode(), entry.regionCode(),
                            entry.regionName(), entry.resourceCode(), classification, entry.version(), content, now, id)
                    .update();
        } else {
            return false;
        }
        events.publishEvent(new ForeignEntryChanged(id));
        return true;
    }

    @Override
    @Transactional
    public boolean retire(Origin origin, long originEntryId) {
        Optional<Kept> kept = kept(origin.key(), originEntryId);
        if (kept.isEmpty() || kept.get().retired()) {
            return false;
        }
        jdbc.sql("update catalog_foreign_entry set retired = true, received_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), kept.get().id()).update();
        events.publishEvent(new ForeignEntryChanged(kept.get().id()));
        return true;
    }

    @Override
    public Optional<ForeignEntry> find(long id) {
        return jdbc.sql("""
                select origin_key, origin_platform, origin_base_url, origin_entry_id, region_id, department_name,
                    department_credit_code, origin_region_code, origin_region_name, resource_code, version, content
                from catalog_foreign_entry where id = ? and not retired""").param(id)
                .query((rs, n) -> new ForeignEntry(new Origin(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getInt(11),
                        json.readValue(rs.getString(12), EntryContent.class)))
                .optional();
    }

    /**
     * Refuses a change of an entry that another platform keeps: such an entry is changed on its own platform and
     * arrives here by the cascade.
     */
    void requireLocal(long id) {
        jdbc.sql("select origin_platform from catalog_foreign_entry where id = ?").param(id).query(String.class)
                .optional().ifPresent(platform -> {
                    throw new DomainException(ProblemCode.FOREIGN_ENTRY_READ_ONLY, platform);
                });
    }

    private Optional<Kept> kept(String originKey, long originEntryId) {
        return jdbc.sql("select id, version, retired from catalog_foreign_entry where origin_key = ? and origin_entry_id = ?")
                .params(originKey, originEntryId)
                .query((rs, n) -> new Kept(rs.getLong(1), rs.getInt(2), rs.getBoolean(3))).optional();
    }

    private static void check(ForeignEntry entry) {
        if (entry.content() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("content"));
        }
        if (entry.content().name() == null || entry.content().name().isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("content.name"));
        }
        Classification classification = entry.content().classification();
        if (classification == null || classification.category() == null || classification.item() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("content.classification"));
        }
        if (entry.resourceCode() == null || entry.resourceCode().isBlank() || entry.resourceCode().length() > 40) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("resourceCode"), entry.resourceCode());
        }
        if (entry.version() < 1) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("version"), entry.version());
        }
        if (entry.departmentName() == null || entry.departmentName().isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("department.name"));
        }
    }
}

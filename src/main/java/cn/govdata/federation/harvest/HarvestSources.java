package cn.govdata.federation.harvest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.federation.FederationAccess;
import cn.govdata.federation.peer.FederationAuditAction;
import cn.govdata.federation.peer.Peers;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogs this platform harvests, registered by the data authority's system administrator: what the source
 * speaks, where it is (held to the peers' address rule: https, plain http only on loopback where allowed), how
 * often it is read, and the region (and, if one, the department) its datasets are attributed to; without a
 * department, each dataset keeps the organisation the source names.
 */
@Service
class HarvestSources {

    /** A source as the API answers it, with its last run. */
    record HarvestSource(long id, String name, SourceKind kind, String url, int intervalMinutes, long regionId,
            Long departmentId, boolean enabled, OffsetDateTime lastRunAt, HarvestReport lastRun, String createdBy,
            OffsetDateTime createdAt) {
    }

    record NewSource(String name, String kind, String url, Integer intervalMinutes, Long regionId, Long departmentId) {
    }

    /** What a run needs of a source, and where its incremental reading stopped last time. */
    record Target(long id, String name, SourceKind kind, String url, long regionId, Long departmentId,
            String cursorModified, Set<String> cursorIds) {
    }

    static final int MIN_INTERVAL = 5;
    static final int MAX_INTERVAL = 7 * 24 * 60;

    private final JdbcClient jdbc;
    private final Peers peers;
    private final Directory directory;
    private final AuditLog audit;
    private final JsonMapper json;

    HarvestSources(JdbcClient jdbc, Peers peers, Directory directory, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.peers = peers;
        this.directory = directory;
        this.audit = audit;
    }

    List<HarvestSource> list(Actor actor) {
        FederationAccess.requireAdministrator(actor);
        return jdbc.sql(SELECT + " order by id").query(this::map).list();
    }

    HarvestSource get(Actor actor, long id) {
        FederationAccess.requireAdministrator(actor);
        return find(id).orElseThrow(() -> DomainException.notFound("harvest source", id));
    }

    @Transactional
    HarvestSource register(Actor actor, NewSource request) {
        FederationAccess.requireAdministrator(actor);
        String name = required("name", request.name(), 100);
        SourceKind kind = kind(required("kind", request.kind(), 10));
        String url = peers.address(required("url", request.url(), 500));
        int interval = request.intervalMinutes() == null ? 60 : request.intervalMinutes();
        if (interval < MIN_INTERVAL || interval > MAX_INTERVAL) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("intervalMinutes"),
                    interval + " (" + MIN_INTERVAL + "–" + MAX_INTERVAL + ")");
        }
        long regionId = request.regionId() == null ? actor.regionId() : request.regionId();
        if (directory.region(regionId).isEmpty()) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("regionId"), regionId);
        }
        if (request.departmentId() != null) {
            Optional<DepartmentInfo> department = directory.department(request.departmentId());
            if (department.isEmpty() || department.get().regionId() != regionId) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("departmentId"),
                        request.departmentId());
            }
        }
        if (jdbc.sql("select count(*) from federation_harvest_source where kind = ? and url = ?")
                .params(kind.name(), url).query(Integer.class).single() > 0) {
            throw new DomainException(ProblemCode.HARVEST_SOURCE_EXISTS, url);
        }
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into federation_harvest_source (name, kind, url, interval_minutes, region_id, department_id,
                    enabled, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(name, kind.name(), url, interval, regionId, request.departmentId(), actor.name(), now)
                .update();
        HarvestSource source = jdbc.sql(SELECT + " where kind = ? and url = ?").params(kind.name(), url)
                .query(this::map).single();
        audit.record(AuditEvent.success(FederationAuditAction.HARVEST_SOURCE_REGISTER, "harvest-source",
                source.id(), kind + " " + name + " " + url));
        return source;
    }

    @Transactional
    HarvestSource enable(Actor actor, long id, boolean enabled) {
        HarvestSource source = get(actor, id);
        if (source.enabled() != enabled) {
            jdbc.sql("update federation_harvest_source set enabled = ? where id = ?").params(enabled, id).update();
            audit.record(AuditEvent.success(enabled ? FederationAuditAction.HARVEST_SOURCE_ENABLE
                    : FederationAuditAction.HARVEST_SOURCE_DISABLE, "harvest-source", id,
                    source.name() + " " + source.url()));
        }
        return get(actor, id);
    }

    /**
     * Deletes the source, its runs and what was harvested from it (they were only ever copies); not while it is
     * being harvested, whose run would then have nowhere to keep its report.
     */
    @Transactional
    void delete(Actor actor, long id) {
        HarvestSource source = get(actor, id);
        if (jdbc.sql("select count(*) from federation_harvest_source where id = ? and running_since > ?")
                .params(id, now().minusHours(1)).query(Integer.class).single() > 0) {
            throw new DomainException(ProblemCode.HARVEST_RUNNING, id);
        }
        jdbc.sql("delete from federation_harvested_dataset where source_id = ?").param(id).update();
        jdbc.sql("delete from federation_harvest_run where source_id = ?").param(id).update();
        jdbc.sql("delete from federation_harvest_source where id = ?").param(id).update();
        audit.record(AuditEvent.success(FederationAuditAction.HARVEST_SOURCE_DELETE, "harvest-source", id,
                source.kind() + " " + source.name() + " " + source.url()));
    }

    // --- for the runs ------------------------------------------------------------------------------------------

    /** The enabled sources whose interval has passed since their last run (or that never ran). */
    List<Long> due() {
        OffsetDateTime now = now();
        return jdbc.sql("select id, interval_minutes, last_run_at from federation_harvest_source where enabled = true "
                + "order by id")
                .query((rs, n) -> {
                    OffsetDateTime last = rs.getObject(3, OffsetDateTime.class);
                    return last == null || !last.plusMinutes(rs.getInt(2)).isAfter(now) ? rs.getLong(1) : null;
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Claims the source for a run, on this node or another (a run that has held it for more than an hour is taken
     * to have died with its node); empty when another run holds it.
     */
    Optional<Target> claim(long id) {
        OffsetDateTime now = now();
        int claimed = jdbc.sql("update federation_harvest_source set running_since = ? where id = ? "
                + "and (running_since is null or running_since < ?)").params(now, id, now.minusHours(1)).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, name, kind, url, region_id, department_id, cursor_modified, cursor_ids
                from federation_harvest_source where id = ?""").param(id)
                .query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), SourceKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getLong(5), (Long) rs.getObject(6, Long.class), rs.getString(7),
                        ids(rs.getString(8))))
                .optional();
    }

    /** Where the incremental reading stopped, kept after each page so that a failed run resumes from there. */
    void advance(long id, String cursorModified, Set<String> cursorIds) {
        jdbc.sql("update federation_harvest_source set cursor_modified = ?, cursor_ids = ? where id = ?")
                .params(cursorModified, json.writeValueAsString(cursorIds), id).update();
    }

    private Set<String> ids(String list) {
        return list == null ? Set.of() : new HashSet<>(json.readValue(list, new TypeReference<List<String>>() { }));
    }

    void release(long id) {
        jdbc.sql("update federation_harvest_source set running_since = null, last_run_at = ? where id = ?")
                .params(now(), id).update();
    }

    // --- rules -------------------------------------------------------------------------------------------------

    private static String required(String field, String value, int max) {
        return FieldName.of(field).requiredText(value, max);
    }

    private static SourceKind kind(String value) {
        try {
            return SourceKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("kind"), value + " (CKAN, DCAT or GOVDATA)");
        }
    }

    private Optional<HarvestSource> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
    }

    private static final String SELECT = """
            select id, name, kind, url, interval_minutes, region_id, department_id, enabled, last_run_at, created_by,
                created_at
            from federation_harvest_source""";

    private HarvestSource map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong("id");
        return new HarvestSource(id, rs.getString("name"), SourceKind.valueOf(rs.getString("kind")), rs.getString("url"),
                rs.getInt("interval_minutes"), rs.getLong("region_id"), rs.getObject("department_id", Long.class),
                rs.getBoolean("enabled"), rs.getObject("last_run_at", OffsetDateTime.class), null,
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}

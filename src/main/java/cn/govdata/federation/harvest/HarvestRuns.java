package cn.govdata.federation.harvest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The report of each run, kept per source (table {@code federation_harvest_run}). */
@Component
class HarvestRuns {

    /** At most this many failed datasets' reasons are kept per run (the count is always whole). */
    static final int FAILURES_KEPT = 100;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HarvestRuns(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    HarvestReport record(long sourceId, String trigger, OffsetDateTime startedAt, Tally tally, String error) {
        List<String> failures = tally.failures().size() > FAILURES_KEPT ? tally.failures().subList(0, FAILURES_KEPT)
                : tally.failures();
        String shortError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        OffsetDateTime finishedAt = HarvestSources.now();
        jdbc.sql("""
                insert into federation_harvest_run (source_id, started_at, finished_at, trigger_kind, succeeded,
                    created_count, updated_count, unchanged_count, withdrawn_count, failed_count, error, failures)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sourceId, startedAt, finishedAt, trigger, error == null, tally.created(), tally.updated(),
                        tally.unchanged(), tally.withdrawn(), tally.failed(), shortError,
                        json.writeValueAsString(failures))
                .update();
        return latest(sourceId).orElseThrow();
    }

    Optional<HarvestReport> latest(long sourceId) {
        return jdbc.sql(SELECT + " where source_id = ? order by id desc limit 1").param(sourceId).query(this::map)
                .optional();
    }

    List<HarvestReport> list(long sourceId, int limit) {
        return jdbc.sql(SELECT + " where source_id = ? order by id desc limit ?").params(sourceId, limit)
                .query(this::map).list();
    }

    private static final String SELECT = """
            select id, source_id, trigger_kind, started_at, finished_at, succeeded, created_count, updated_count,
                unchanged_count, withdrawn_count, failed_count, error, failures
            from federation_harvest_run""";

    private HarvestReport map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String failures = rs.getString("failures");
        return new HarvestReport(rs.getLong("id"), rs.getLong("source_id"), rs.getString("trigger_kind"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getBoolean("succeeded"), rs.getInt("created_count"), rs.getInt("updated_count"),
                rs.getInt("unchanged_count"), rs.getInt("withdrawn_count"), rs.getInt("failed_count"),
                rs.getString("error"), failures == null ? List.of()
                        : json.readValue(failures, new TypeReference<List<String>>() { }));
    }
}

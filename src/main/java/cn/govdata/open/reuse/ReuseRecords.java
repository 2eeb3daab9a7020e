package cn.govdata.open.reuse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.govdata.shared.DomainException;

/** Apps and results in the database, with the datasets each used. */
@Component
class ReuseRecords {

    private static final String SELECT = """
            select id, account_id, region_id, name, description, kind, link, status, submitted_at, decided_at,
                   decided_by, rejection_reason
            from open_reuse""";

    private final JdbcClient jdbc;

    ReuseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long accountId, long regionId, String name, String description, Reuse.Kind kind, String link,
            OffsetDateTime at, List<Reuse.Used> used) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into open_reuse (account_id, region_id, name, description, kind, link, status, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(accountId, regionId, name, description, kind.name(), link, Reuse.Status.SUBMITTED.name(), at)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        insertUsed(id, used);
        return id;
    }

    /** The holder's new text: it goes back to moderation. */
    void update(long id, long regionId, String name, String description, Reuse.Kind kind, String link,
            OffsetDateTime at, List<Reuse.Used> used) {
        jdbc.sql("""
                update open_reuse set region_id = ?, name = ?, description = ?, kind = ?, link = ?, status = ?,
                    submitted_at = ?, decided_at = null, decided_by = null, rejection_reason = null
                where id = ?""")
                .params(regionId, name, description, kind.name(), link, Reuse.Status.SUBMITTED.name(), at, id)
                .update();
        jdbc.sql("delete from open_reuse_dataset where reuse_id = ?").param(id).update();
        insertUsed(id, used);
    }

    private void insertUsed(long id, List<Reuse.Used> used) {
        for (Reuse.Used u : used) {
            jdbc.sql("insert into open_reuse_dataset (reuse_id, dataset_id, obtained_on) values (?, ?, ?)")
                    .params(id, u.datasetId(), u.obtainedOn()).update();
        }
    }

    void decide(long id, Reuse.Status status, OffsetDateTime at, String by, String reason) {
        jdbc.sql("update open_reuse set status = ?, decided_at = ?, decided_by = ?, rejection_reason = ? where id = ?")
                .params(status.name(), at, by, reason, id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from open_reuse where id = ?").param(id).update();
    }

    Optional<Reuse> find(long id) {
        return withDatasets(jdbc.sql(SELECT + " where id = ?").param(id).query(ReuseRecords::map).list()).stream()
                .findFirst();
    }

    /** The reuse, locked for a decision or an edit (two at once cannot both pass the state check). */
    Reuse lock(long id) {
        return withDatasets(jdbc.sql(SELECT + " where id = ? for update").param(id).query(ReuseRecords::map).list())
                .stream().findFirst().orElseThrow(() -> DomainException.notFound("open-reuse", id));
    }

    List<Reuse> ofAccount(long accountId) {
        return withDatasets(jdbc.sql(SELECT + " where account_id = ? order by submitted_at desc, id desc")
                .param(accountId).query(ReuseRecords::map).list());
    }

    /** A region's reuses (optionally of one status), newest first, at most 500. */
    List<Reuse> ofRegion(long regionId, Reuse.Status status) {
        StringBuilder where = new StringBuilder(" where region_id = ?");
        List<Object> params = new ArrayList<>(List.of(regionId));
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        return withDatasets(jdbc.sql(SELECT + where + " order by submitted_at desc, id desc fetch first 500 rows only")
                .params(params).query(ReuseRecords::map).list());
    }

    /** Approved reuses, newest decision first; of one dataset when it is given. */
    List<Reuse> approved(Long datasetId, int offset, int limit) {
        String where = " where status = 'APPROVED'" + (datasetId == null ? ""
                : " and id in (select reuse_id from open_reuse_dataset where dataset_id = ?)");
        List<Object> params = new ArrayList<>();
        if (datasetId != null) {
            params.add(datasetId);
        }
        params.add(offset);
        params.add(limit);
        return withDatasets(jdbc.sql(SELECT + where
                + " order by decided_at desc, id desc offset ? rows fetch next ? rows only")
                .params(params).query(ReuseRecords::map).list());
    }

    private List<Reuse> withDatasets(List<Reuse> reuses) {
        if (reuses.isEmpty()) {
            return reuses;
        }
        Map<Long, List<Reuse.Used>> used = new LinkedHashMap<>();
        reuses.forEach(r -> used.put(r.id(), new ArrayList<>()));
        String ids = String.join(",", reuses.stream().map(r -> "?").toList());
        jdbc.sql("select reuse_id, dataset_id, obtained_on from open_reuse_dataset where reuse_id in (" + ids
                + ") order by reuse_id, dataset_id").params(reuses.stream().map(r -> (Object) r.id()).toList())
                .query((rs, row) -> {
                    used.get(rs.getLong("reuse_id")).add(new Reuse.Used(rs.getLong("dataset_id"),
                            rs.getObject("obtained_on", LocalDate.class)));
                    return null;
                }).list();
        return reuses.stream().map(r -> new Reuse(r.id(), r.accountId(), r.regionId(), r.name(), r.description(),
                r.kind(), r.link(), r.status(), r.submittedAt(), r.decidedAt(), r.decidedBy(), r.rejectionReason(),
                List.copyOf(used.get(r.id())))).toList();
    }

    private static Reuse map(ResultSet rs, int row) throws SQLException {
        return new Reuse(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("region_id"), rs.getString("name"),
                rs.getString("description"), Reuse.Kind.valueOf(rs.getString("kind")), rs.getString("link"),
                Reuse.Status.valueOf(rs.getString("status")), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getString("rejection_reason"), List.of());
    }
}

package cn.govdata.open.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.govdata.shared.DomainException;

/** Open applications in the database. */
@Component
class OpenApplicationRecords {

    private static final String SELECT = """
            select id, account_id, dataset_id, department_id, region_id, use_kind, purpose, scenario,
                   security_measures, items, requested_until, status, submitted_at, due_on, decided_at, decided_by,
                   conditions, granted_items, access_until, agreement, refusal_reasons, legal_basis
            from open_application""";

    private final JdbcClient jdbc;

    OpenApplicationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long accountId, long datasetId, long departmentId, long regionId, OpenApplication.Use use,
            String purpose, String scenario, String securityMeasures, List<String> items, LocalDate requestedUntil,
            OffsetDateTime submittedAt, LocalDate dueOn) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into open_application (account_id, dataset_id, department_id, region_id, use_kind, purpose,
                    scenario, security_measures, items, requested_until, status, submitted_at, due_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(accountId, datasetId, departmentId, regionId, use.name(), purpose, scenario, securityMeasures,
                        joined(items), requestedUntil, OpenApplication.Status.SUBMITTED.name(), submittedAt, dueOn)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<OpenApplication> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(OpenApplicationRecords::map).optional();
    }

    /** The application, locked for its decision (two decisions at once cannot both pass the state check). */
    OpenApplication lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(OpenApplicationRecords::map).optional()
                .orElseThrow(() -> DomainException.notFound("open-application", id));
    }

    List<OpenApplication> ofAccount(long accountId) {
        return jdbc.sql(SELECT + " where account_id = ? order by submitted_at desc, id desc").param(accountId)
                .query(OpenApplicationRecords::map).list();
    }

    /** The account's applications for a dataset, newest first. */
    List<OpenApplication> ofAccount(long accountId, long datasetId) {
        return jdbc.sql(SELECT + " where account_id = ? and dataset_id = ? order by id desc")
                .params(accountId, datasetId).query(OpenApplicationRecords::map).list();
    }

    /** A region's applications (the authority's view) or a department's, optionally of one status. */
    List<OpenApplication> forConsole(Long regionId, Long departmentId, OpenApplication.Status status) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (regionId != null) {
            where.append(" and region_id = ?");
            params.add(regionId);
        }
        if (departmentId != null) {
            where.append(" and department_id = ?");
            params.add(departmentId);
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        return jdbc.sql(SELECT + where + " order by submitted_at desc, id desc fetch first 500 rows only")
                .params(params).query(OpenApplicationRecords::map).list();
    }

    /** Every undecided application with a decision deadline, of every region (for the deadline notices). */
    List<OpenApplication> undecidedWithDeadline() {
        return jdbc.sql(SELECT + " where status = 'SUBMITTED' and due_on is not null order by id")
                .query(OpenApplicationRecords::map).list();
    }

    void approve(long id, OffsetDateTime at, String by, String conditions, List<String> grantedItems,
            LocalDate accessUntil, String agreement) {
        jdbc.sql("""
                update open_application set status = ?, decided_at = ?, decided_by = ?, conditions = ?,
                    granted_items = ?, access_until = ?, agreement = ?
                where id = ?""")
                .params(OpenApplication.Status.APPROVED.name(), at, by, conditions, joined(grantedItems), accessUntil,
                        agreement, id)
                .update();
    }

    void refuse(long id, OffsetDateTime at, String by, String reasons, String legalBasis) {
        jdbc.sql("""
                update open_application set status = ?, decided_at = ?, decided_by = ?, refusal_reasons = ?,
                    legal_basis = ?
                where id = ?""")
                .params(OpenApplication.Status.REFUSED.name(), at, by, reasons, legalBasis, id).update();
    }

    private static String joined(List<String> items) {
        return items == null ? null : String.join(",", items);
    }

    private static List<String> split(String items) {
        return items == null ? null : List.copyOf(Arrays.asList(items.split(",")));
    }

    private static OpenApplication map(ResultSet rs, int row) throws SQLException {
        long account = rs.getLong("account_id");
        Long accountId = rs.wasNull() ? null : account;
        return new OpenApplication(rs.getLong("id"), accountId, rs.getLong("dataset_id"), rs.getLong("department_id"),
                rs.getLong("region_id"), OpenApplication.Use.valueOf(rs.getString("use_kind")), rs.getString("purpose"),
                rs.getString("scenario"), rs.getString("security_measures"), split(rs.getString("items")),
                rs.getObject("requested_until", LocalDate.class),
                OpenApplication.Status.valueOf(rs.getString("status")),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getString("conditions"), split(rs.getString("granted_items")),
                rs.getObject("access_until", LocalDate.class), rs.getString("agreement"),
                rs.getString("refusal_reasons"), rs.getString("legal_basis"));
    }
}

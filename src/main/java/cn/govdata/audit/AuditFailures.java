package cn.govdata.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The failed actions the log holds, for the modules that watch for suspicious patterns (SEC-5: a connected system
 * refused again and again, logins failing across many accounts from one address). Read-only; the log's own
 * search and export are for the audit administrator.
 */
@Service
public class AuditFailures {

    /** A failed action: who tried it, from which department and address, on what. */
    public record Failure(OffsetDateTime occurredAt, String actor, Long actorDepartmentId, String clientAddress,
            String action, String objectId) {
    }

    private final JdbcClient jdbc;

    AuditFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The failures of an action since a time, oldest first. */
    public List<Failure> since(AuditAction action, OffsetDateTime since) {
        return since(action.code(), since);
    }

    /** The failures of an action, by its stored name (another module's action), since a time, oldest first. */
    public List<Failure> since(String action, OffsetDateTime since) {
        return jdbc.sql("""
                select occurred_at, actor, actor_department_id, client_address, action, object_id from audit_entry
                where action = ? and outcome = 'FAILURE' and occurred_at >= ? order by occurred_at, id""")
                .params(action, since)
                .query((rs, n) -> new Failure(rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getObject("actor_department_id", Long.class), rs.getString("client_address"),
                        rs.getString("action"), rs.getString("object_id")))
                .list();
    }
}

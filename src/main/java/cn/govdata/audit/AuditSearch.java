package cn.govdata.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.SpreadsheetCsv;
import cn.govdata.shared.TextMasking;

/** Finding entries by time, actor, department, action, object and outcome; and exporting them as CSV. */
@Service
class AuditSearch {

    /**
     * {@code action} is one action's code, a family's prefix ending in a dot ({@code user.}), or text found in
     * codes; {@code actionsLabelled} are the codes whose label contains that text (so 登录 finds {@code auth.login}).
     */
    record Filter(OffsetDateTime from, OffsetDateTime to, String actor, Long departmentId, String action,
            Set<String> actionsLabelled, String objectType, String objectId, AuditOutcome outcome) {

        Filter {
            if (from != null && to != null && from.isAfter(to)) {
                throw new DomainException(ProblemCode.INVALID_AUDIT_QUERY, "from is after to");
            }
        }
    }

    /**
     * An entry as the auditor is shown it: the personal values quoted in its detail masked ({@link TextMasking});
     * the stored entry, and the hash that covers it, keep them.
     */
    record Item(long id, OffsetDateTime occurredAt, String actor, Long actorDepartmentId, String action,
            String objectType, String objectId, AuditOutcome outcome, String clientAddress, String purpose,
            String grantId, String detail, String hash, String objectName, String summary) {

        /** The entry with its object's name and the sentence people read ({@link AuditSentences}). */
        Item described(String name, String sentence) {
            return new Item(id, occurredAt, actor, actorDepartmentId, action, objectType, objectId, outcome,
                    clientAddress, purpose, grantId, detail, hash, name, sentence);
        }
    }

    record Page(List<Item> items, long total, int page, int size) {
    }

    static final int MAX_PAGE_SIZE = 200;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    AuditSearch(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
    }

    Page search(Filter filter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainException(ProblemCode.INVALID_AUDIT_QUERY, "page >= 0 and 1 <= size <= " + MAX_PAGE_SIZE);
        }
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<Item> items = jdbc.query(SELECT + where + " order by id desc limit ? offset ?",
                (rs, n) -> map(rs), args.toArray());
        return new Page(items, total == null ? 0 : total, page, size);
    }

    /**
     * Streams every matching entry, oldest first, as CSV for a spreadsheet (UTF-8 with a byte order mark so that
     * Excel reads the Chinese; a cell such as a failed login's name {@code =HYPERLINK(…)} never opens as a formula).
     */
    @Transactional(readOnly = true)
    void exportCsv(Filter filter, OutputStream out) throws IOException {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        SpreadsheetCsv csv = SpreadsheetCsv.withByteOrderMark(out, "id", "time", "actor", "department", "action",
                "object_type", "object_id", "outcome", "client_address", "purpose", "grant", "detail", "hash");
        streaming.query(SELECT + where + " order by id", rs -> {
            Item item = map(rs);
            try {
                csv.printRow(item.id(), item.occurredAt().atZoneSameInstant(SHANGHAI).toOffsetDateTime(),
                        item.actor(), item.actorDepartmentId(), item.action(), item.objectType(), item.objectId(),
                        item.outcome(), item.clientAddress(), item.purpose(), item.grantId(), item.detail(), item.hash());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, args.toArray());
        csv.flush();
    }

    private static String where(Filter f, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (f.from() != null) {
            conditions.add("occurred_at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            conditions.add("occurred_at <= ?");
            args.add(f.to());
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            conditions.add("actor = ?");
            args.add(f.actor().trim());
        }
        if (f.departmentId() != null) {
            conditions.add("actor_department_id = ?");
            args.add(f.departmentId());
        }
        if (f.action() != null && !f.action().isBlank()) {
            String pattern = f.action().trim().replace("%", "").replace("_", "\\_");
            if (f.actionsLabelled() == null) {
                // one action chosen by its code, or a prefix for a family, e.g. "user." for every change of users
                conditions.add(pattern.endsWith(".") ? "action like ?" : "action = ?");
                args.add(pattern.endsWith(".") ? pattern + "%" : f.action().trim());
            } else {
                StringBuilder any = new StringBuilder("(action like ?");
                args.add("%" + pattern + "%");
                for (String code : f.actionsLabelled()) {
                    any.append(" or action = ?");
                    args.add(code);
                }
                conditions.add(any.append(")").toString());
            }
        }
        if (f.objectType() != null && !f.objectType().isBlank()) {
            conditions.add("object_type = ?");
            args.add(f.objectType());
        }
        if (f.objectId() != null && !f.objectId().isBlank()) {
            conditions.add("object_id = ?");
            args.add(f.objectId());
        }
        if (f.outcome() != null) {
            conditions.add("outcome = ?");
            args.add(f.outcome().name());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static final String SELECT = """
            select id, occurred_at, actor, actor_department_id, action, object_type, object_id, outcome,
                   client_address, purpose, grant_id, detail, hash from audit_entry""";

    private static Item map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Item(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                rs.getObject("actor_department_id", Long.class), rs.getString("action"), rs.getString("object_type"),
                rs.getString("object_id"), AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("client_address"), rs.getString("purpose"), rs.getString("grant_id"),
                TextMasking.masked(rs.getString("detail")), rs.getString("hash"), null, null);
    }
}

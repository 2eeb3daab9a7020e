package cn.govdata.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.notify.NoticeRaised;

/** Each user's notices: stored once per occurrence, listed unread first, marked read by their reader only. */
@Service
class Inbox {

    static final int MAX_PAGE_SIZE = 100;

    record Notice(long id, String kind, String title, String body, String link, Long departmentId,
            OffsetDateTime raisedAt, boolean read, OffsetDateTime readAt) {
    }

    record Page(List<Notice> items, int page, int size, long total, long unread) {
    }

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notice for a user unless it reached them already; whether it was new. */
    boolean store(long userId, NoticeRaised notice, OffsetDateTime raisedAt) {
        boolean userExists = jdbc.sql("select count(*) from user_account where id = ?").param(userId)
                .query(Integer.class).single() > 0;
        return userExists && jdbc.sql("""
                insert into notice (user_id, notice_key, kind, title, body, link, department_id, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(userId, truncate(notice.key(), 200), truncate(notice.kind(), 64),
                        truncate(notice.title(), 300), truncate(notice.body(), 2000), truncate(notice.link(), 300),
                        notice.departmentId(), raisedAt)
                .update() == 1;
    }

    /** The caller's notices, unread first and then newest first. */
    Page mine(Actor actor, int page, int size) {
        long userId = reader(actor);
        if (page < 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("page"), page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("size"), size);
        }
        List<Notice> items = jdbc.sql("""
                select * from notice where user_id = ?
                order by case when read_at is null then 0 else 1 end, raised_at desc, id desc
                offset ? rows fetch next ? rows only""")
                .params(userId, (long) page * size, size).query(Inbox::map).list();
        long total = jdbc.sql("select count(*) from notice where user_id = ?").param(userId).query(Long.class)
                .single();
        return new Page(items, page, size, total, unread(actor));
    }

    long unread(Actor actor) {
        return jdbc.sql("select count(*) from notice where user_id = ? and read_at is null").param(reader(actor))
                .query(Long.class).single();
    }

    /** Marks one of the caller's notices read; another user's is not found. */
    Notice markRead(Actor actor, long id) {
        long userId = reader(actor);
        jdbc.sql("update notice set read_at = ? where id = ? and user_id = ? and read_at is null")
                .params(now(), id, userId).update();
        return jdbc.sql("select * from notice where id = ? and user_id = ?").params(id, userId).query(Inbox::map)
                .optional().orElseThrow(() -> DomainException.notFound("notice", id));
    }

    /** Marks every unread notice of the caller read; how many. */
    int markAllRead(Actor actor) {
        return jdbc.sql("update notice set read_at = ? where user_id = ? and read_at is null")
                .params(now(), reader(actor)).update();
    }

    /** Only console users have an inbox. */
    private static long reader(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return actor.id();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Notice map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
        return new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), rs.getObject("department_id", Long.class),
                rs.getObject("raised_at", OffsetDateTime.class), readAt != null, readAt);
    }
}

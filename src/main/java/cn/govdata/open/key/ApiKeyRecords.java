package cn.govdata.open.key;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** API keys and their calls per day in the database. */
@Component
class ApiKeyRecords {

    /** The calls of a key on a day, and those refused for its quota. */
    record Day(LocalDate day, int calls, int refused) {
    }

    private static final String SELECT = """
            select id, account_id, name, prefix, daily_quota, per_minute, created_at, last_used_at, revoked_at
            from open_api_key""";

    private final JdbcClient jdbc;

    ApiKeyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long accountId, String name, String prefix, String hash, int dailyQuota, int perMinute) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into open_api_key (account_id, name, prefix, key_hash, daily_quota, per_minute, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(accountId, name, prefix, hash, dailyQuota, perMinute, OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<ApiKey> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ApiKeyRecords::map).optional();
    }

    Optional<ApiKey> byHash(String hash) {
        return jdbc.sql(SELECT + " where key_hash = ?").param(hash).query(ApiKeyRecords::map).optional();
    }

    List<ApiKey> ofAccount(long accountId) {
        return jdbc.sql(SELECT + " where account_id = ? order by id desc").param(accountId)
                .query(ApiKeyRecords::map).list();
    }

    int activeCount(long accountId) {
        return jdbc.sql("select count(*) from open_api_key where account_id = ? and revoked_at is null")
                .param(accountId).query(Integer.class).single();
    }

    void revoke(long id) {
        jdbc.sql("update open_api_key set revoked_at = ? where id = ? and revoked_at is null")
                .params(OffsetDateTime.now(ZoneOffset.UTC), id).update();
    }

    /**
     * Counts a call of the key on the day if the quota leaves room: true if counted, false if the quota is used up
     * (then counted as refused). One statement decides, so that concurrent calls on several nodes cannot exceed it.
     */
    boolean countCall(long keyId, LocalDate day, int quota) {
        for (int attempt = 0; attempt < 2; attempt++) {
            int counted = jdbc.sql("update open_api_key_day set calls = calls + 1 where key_id = ? and call_day = ? and calls < ?")
                    .params(keyId, day, quota).update();
            if (counted == 1) {
                jdbc.sql("update open_api_key set last_used_at = ? where id = ?")
                        .params(OffsetDateTime.now(ZoneOffset.UTC), keyId).update();
                return true;
            }
            int refused = jdbc.sql("update open_api_key_day set refused = refused + 1 where key_id = ? and call_day = ?")
                    .params(keyId, day).update();
            if (refused == 1) {
                return false;
            }
            try {
                jdbc.sql("insert into open_api_key_day (key_id, call_day, calls, refused) values (?, ?, 0, 0)")
                        .params(keyId, day).update();
            } catch (DuplicateKeyException concurrentFirstCall) {
                // another call of the day made the row first: count on it
            }
        }
        return false;
    }

    /** The key's days with calls, newest first, at most {@code days} of them. */
    List<Day> days(long keyId, int days) {
        return jdbc.sql("select call_day, calls, refused from open_api_key_day where key_id = ? order by call_day desc fetch first ? rows only")
                .params(keyId, days)
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3))).list();
    }

    int callsOn(long keyId, LocalDate day) {
        return jdbc.sql("select calls from open_api_key_day where key_id = ? and call_day = ?").params(keyId, day)
                .query(Integer.class).optional().orElse(0);
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("prefix"),
                rs.getInt("daily_quota"), rs.getInt("per_minute"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
    }
}

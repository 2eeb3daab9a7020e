package cn.govdata.open.application;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;

/**
 * Downloads and API calls under each open grant, per Beijing day: what the holder's usage reports show beside their
 * own words, and what revenue is shared by. Written at each use (grantees' calls are few and keyed, unlike the
 * public's, which are counted in memory).
 */
@Component
public class GrantUses {

    /** Uses counted under a grant. */
    public record Figures(long downloads, long apiCalls) {

        public static final Figures NONE = new Figures(0, 0);

        public long total() {
            return downloads + apiCalls;
        }
    }

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;

    GrantUses(JdbcClient jdbc, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** A download under the grant (an approved application's id). */
    public void download(long applicationId) {
        add(applicationId, 1, 0);
    }

    /** An API read under the grant. */
    public void apiCall(long applicationId) {
        add(applicationId, 0, 1);
    }

    private void add(long applicationId, long downloads, long apiCalls) {
        LocalDate today = calendar.today();
        jdbc.sql("insert into open_grant_use (application_id, use_day, downloads, api_calls) values (?, ?, 0, 0)"
                + " on conflict do nothing").params(applicationId, today).update();
        jdbc.sql("update open_grant_use set downloads = downloads + ?, api_calls = api_calls + ?"
                + " where application_id = ? and use_day = ?").params(downloads, apiCalls, applicationId, today)
                .update();
    }

    /** The uses under the grant from one day to another, both included. */
    public Figures between(long applicationId, LocalDate from, LocalDate to) {
        return jdbc.sql("select coalesce(sum(downloads), 0), coalesce(sum(api_calls), 0) from open_grant_use"
                + " where application_id = ? and use_day between ? and ?").params(applicationId, from, to)
                .query((rs, row) -> new Figures(rs.getLong(1), rs.getLong(2))).single();
    }
}

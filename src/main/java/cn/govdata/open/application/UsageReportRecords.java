package cn.govdata.open.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Usage reports of open grants in the database. */
@Component
class UsageReportRecords {

    /** A report made for one period of a grant, with the figures counted under the grant in it. */
    record StoredReport(long id, long applicationId, LocalDate periodStart, LocalDate periodEnd, String report,
            long downloads, long apiCalls, OffsetDateTime submittedAt) {
    }

    private final JdbcClient jdbc;

    UsageReportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long applicationId, LocalDate start, LocalDate end, String report, GrantUses.Figures figures,
            OffsetDateTime at) {
        jdbc.sql("""
                insert into open_usage_report (application_id, period_start, period_end, report, downloads, api_calls,
                    submitted_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, start, end, report, figures.downloads(), figures.apiCalls(), at).update();
        return jdbc.sql("select id from open_usage_report where application_id = ? and period_start = ?")
                .params(applicationId, start).query(Long.class).single();
    }

    List<StoredReport> of(long applicationId) {
        return jdbc.sql("""
                select id, application_id, period_start, period_end, report, downloads, api_calls, submitted_at
                from open_usage_report where application_id = ? order by period_start""").param(applicationId)
                .query((rs, row) -> new StoredReport(rs.getLong("id"), rs.getLong("application_id"),
                        rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                        rs.getString("report"), rs.getLong("downloads"), rs.getLong("api_calls"),
                        rs.getObject("submitted_at", OffsetDateTime.class)))
                .list();
    }
}

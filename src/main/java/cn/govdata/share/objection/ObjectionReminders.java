package cn.govdata.share.objection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.common.Deadlines;
import cn.govdata.share.common.ShareSettings;

/**
 * Reminders and overdue notes for open objections with a due date (profiles that fix a period: AB28), in their own
 * event log: a reminder for the one who must act next (the provider, or the authority while it is still to forward
 * it) and an overdue note, each once per due date — an extension clears both marks
 * ({@link Objections#decideExtension}), so the new date is reminded of in turn. Run by the share reminder job, in
 * its transaction.
 */
@Component
public class ObjectionReminders {

    /** What one run wrote. */
    public record Noted(int reminded, int overdue) {
    }

    private record Due(long id, String stage, LocalDate dueOn, boolean reminded, boolean overdueNoted) {
    }

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final ShareSettings settings;
    private final Objections objections;

    ObjectionReminders(JdbcClient jdbc, WorkingDayCalendar calendar, ShareSettings settings, Objections objections) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.settings = settings;
        this.objections = objections;
    }

    /** Notes what is due soon or overdue as of a Beijing date, in the caller's transaction. */
    public Noted run(LocalDate today, OffsetDateTime now) {
        int reminded = 0;
        int overdue = 0;
        List<Due> open = jdbc.sql("""
                select id, stage, due_on, reminded_at is not null, overdue_noted_at is not null from share_objection
                where status = 'OPEN' and due_on is not null and (reminded_at is null or overdue_noted_at is null)""")
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .list();
        for (Due due : open) {
            if (Deadlines.overdue(due.dueOn(), today)) {
                if (!due.overdueNoted() && mark(due, "overdue_noted_at", now)) {
                    objections.platformEvent(due.id(), Objections.EventType.OVERDUE, Map.of("stage", due.stage(),
                            "dueOn", due.dueOn().toString(), "workingDaysLate",
                            calendar.workingDaysBetween(due.dueOn(), today)));
                    overdue++;
                }
            } else if (!due.reminded()
                    && Deadlines.dueSoon(calendar, due.dueOn(), today, settings.dueSoonWorkingDays())
                    && mark(due, "reminded_at", now)) {
                objections.platformEvent(due.id(), Objections.EventType.REMINDER, Map.of("stage", due.stage(),
                        "dueOn", due.dueOn().toString(), "workingDaysLeft",
                        calendar.workingDaysBetween(today, due.dueOn())));
                reminded++;
            }
        }
        return new Noted(reminded, overdue);
    }

    /**
     * Marks an objection for the due date read, which the note names: if an extension moved it (and cleared the
     * marks) since, nothing is marked and the next run notes the new date instead of the old one.
     */
    private boolean mark(Due due, String column, OffsetDateTime now) {
        return jdbc.sql("update share_objection set " + column + " = ? where id = ? and " + column + " is null "
                + "and status = 'OPEN' and due_on = ?").params(now, due.id(), due.dueOn()).update() == 1;
    }
}

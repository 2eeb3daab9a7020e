package cn.govdata.share;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.policy.WorkingDayCalendar;

/**
 * Keeps deadlines visible without e-mail: a pending application due within a few working days gets a
 * reminder in its timeline (the approver's inbox shows it), one past its due date an overdue note (the
 * authority lists it), and a grant past its last day an expiry note. Each is written once per stage; several
 * nodes running the job write it once, because the marking update decides who writes.
 *
 * <p>Open objections (SHR-7) alike, in their own event log: a reminder for the one who must act next (the
 * provider, or the authority while it is still to forward it) and an overdue note, each once per due date — an
 * extension clears both marks ({@link Objections#decideExtension}), so the new date is reminded of in turn.
 */
@Component
class ShareReminders {

    /** What one run wrote: for applications, grants and objections. */
    record Report(int reminded, int overdue, int expired, int objectionsReminded, int objectionsOverdue) {
    }

    private record Due(long id, String stage, LocalDate dueOn, boolean reminded, boolean overdueNoted) {
    }

    private record Noted(int reminded, int overdue) {
    }

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final Timeline timeline;
    private final AuditLog audit;
    private final ShareSettings settings;
    private final Objections objections;
    private final TransactionTemplate transaction;

    ShareReminders(JdbcClient jdbc, WorkingDayCalendar calendar, Timeline timeline, AuditLog audit,
            ShareSettings settings, Objections objections, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.timeline = timeline;
        this.audit = audit;
        this.settings = settings;
        this.objections = objections;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(initialDelayString = "${govdata.share.reminder-interval:PT1H}",
            fixedDelayString = "${govdata.share.reminder-interval:PT1H}")
    void scheduled() {
        run(calendar.today());
    }

    /** One run as of a Beijing date, in one transaction: a mark and its timeline entry are written together. */
    Report run(LocalDate today) {
        return transaction.execute(status -> runIn(today));
    }

    private Report runIn(LocalDate today) {
        int reminded = 0;
        int overdue = 0;
        OffsetDateTime now = ShareClock.now();
        List<Due> pending = jdbc.sql("""
                select id, stage, due_on, reminded_at is not null, overdue_noted_at is not null from share_application
                where status = 'PENDING' and due_on is not null and (reminded_at is null or overdue_noted_at is null)""")
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .list();
        for (Due due : pending) {
            Stage stage = Stage.valueOf(due.stage());
            if (ReplyDeadline.overdue(due.dueOn(), today)) {
                if (!due.overdueNoted() && mark(due.id(), "overdue_noted_at", now)) {
                    timeline.record(due.id(), Timeline.Type.OVERDUE, stage, Timeline.By.PLATFORM, null,
                            Map.of("dueOn", due.dueOn().toString(), "workingDaysLate",
                                    calendar.workingDaysBetween(due.dueOn(), today)));
                    overdue++;
                }
            } else if (!due.reminded()
                    && ReplyDeadline.dueSoon(calendar, due.dueOn(), today, settings.dueSoonWorkingDays())
                    && mark(due.id(), "reminded_at", now)) {
                timeline.record(due.id(), Timeline.Type.REMINDER, stage, Timeline.By.PLATFORM, null,
                        Map.of("dueOn", due.dueOn().toString(), "workingDaysLeft",
                                calendar.workingDaysBetween(today, due.dueOn())));
                reminded++;
            }
        }
        int expired = 0;
        List<long[]> lapsed = jdbc.sql("""
                select id, application_id from share_grant
                where revoked_at is null and valid_until < ? and expiry_noted_at is null""")
                .param(today).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
        for (long[] grant : lapsed) {
            if (jdbc.sql("update share_grant set expiry_noted_at = ? where id = ? and expiry_noted_at is null")
                    .params(now, grant[0]).update() == 1) {
                timeline.record(grant[1], Timeline.Type.GRANT_EXPIRED, null, Timeline.By.PLATFORM, grant[0], Map.of());
                expired++;
            }
        }
        Noted objectionsNoted = objections(today, now);
        if (reminded + overdue + expired + objectionsNoted.reminded() + objectionsNoted.overdue() > 0) {
            audit.record(AuditEvent.success("share.reminders", "share-application", null, reminded + " reminded, "
                    + overdue + " overdue, " + expired + " grants expired; objections: " + objectionsNoted.reminded()
                    + " reminded, " + objectionsNoted.overdue() + " overdue"), AuditActor.PLATFORM);
        }
        return new Report(reminded, overdue, expired, objectionsNoted.reminded(), objectionsNoted.overdue());
    }

    /** Reminders and overdue notes for open objections with a due date (profiles that fix a period: AB28). */
    private Noted objections(LocalDate today, OffsetDateTime now) {
        int reminded = 0;
        int overdue = 0;
        List<Due> open = jdbc.sql("""
                select id, stage, due_on, reminded_at is not null, overdue_noted_at is not null from share_objection
                where status = 'OPEN' and due_on is not null and (reminded_at is null or overdue_noted_at is null)""")
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .list();
        for (Due due : open) {
            if (ObjectionRules.overdue(due.dueOn(), today)) {
                if (!due.overdueNoted() && markObjection(due, "overdue_noted_at", now)) {
                    objections.platformEvent(due.id(), Objections.EventType.OVERDUE, Map.of("stage", due.stage(),
                            "dueOn", due.dueOn().toString(), "workingDaysLate",
                            calendar.workingDaysBetween(due.dueOn(), today)));
                    overdue++;
                }
            } else if (!due.reminded()
                    && ObjectionRules.dueSoon(calendar, due.dueOn(), today, settings.dueSoonWorkingDays())
                    && markObjection(due, "reminded_at", now)) {
                objections.platformEvent(due.id(), Objections.EventType.REMINDER, Map.of("stage", due.stage(),
                        "dueOn", due.dueOn().toString(), "workingDaysLeft",
                        calendar.workingDaysBetween(today, due.dueOn())));
                reminded++;
            }
        }
        return new Noted(reminded, overdue);
    }

    private boolean mark(long id, String column, OffsetDateTime now) {
        return jdbc.sql("update share_application set " + column + " = ? where id = ? and " + column + " is null "
                + "and status = 'PENDING'").params(now, id).update() == 1;
    }

    /**
     * Marks an objection for the due date read, which the note names: if an extension moved it (and cleared the
     * marks) since, nothing is marked and the next run notes the new date instead of the old one.
     */
    private boolean markObjection(Due due, String column, OffsetDateTime now) {
        return jdbc.sql("update share_objection set " + column + " = ? where id = ? and " + column + " is null "
                + "and status = 'OPEN' and due_on = ?").params(now, due.id(), due.dueOn()).update() == 1;
    }
}

package cn.govdata.share.application;

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
import cn.govdata.share.common.Deadlines;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.ShareClock;
import cn.govdata.share.common.ShareSettings;
import cn.govdata.share.common.Stage;
import cn.govdata.share.grant.Grants;
import cn.govdata.share.objection.ObjectionReminders;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Keeps deadlines visible without e-mail: a pending application due within a few working days gets a
 * reminder in its timeline (the approver's inbox shows it), one past its due date an overdue note (the
 * authority lists it), and a grant past its last day an expiry note. Each is written once per stage; several
 * nodes running the job write it once, because the marking update decides who writes.
 *
 * <p>Open objections (SHR-7) alike, in their own event log ({@link ObjectionReminders}), in the same run and
 * transaction, with one audit entry for all.
 */
@Component
public class ShareReminders {

    /** What one run wrote: for applications, grants and objections. */
    public record Report(int reminded, int overdue, int expired, int objectionsReminded, int objectionsOverdue) {
    }

    private record Due(long id, String stage, LocalDate dueOn, boolean reminded, boolean overdueNoted) {
    }

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final Timeline timeline;
    private final AuditLog audit;
    private final ShareSettings settings;
    private final Grants grants;
    private final ObjectionReminders objections;
    private final TransactionTemplate transaction;

    ShareReminders(JdbcClient jdbc, WorkingDayCalendar calendar, Timeline timeline, AuditLog audit,
            ShareSettings settings, Grants grants, ObjectionReminders objections,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.timeline = timeline;
        this.audit = audit;
        this.settings = settings;
        this.grants = grants;
        this.objections = objections;
        this.transaction = new TransactionTemplate(transactions);
    }

    @SchedulerLock(name = "share.reminders")
    @Scheduled(initialDelayString = "${govdata.share.reminder-interval:PT1H}",
            fixedDelayString = "${govdata.share.reminder-interval:PT1H}")
    void scheduled() {
        run(calendar.today());
    }

    /** One run as of a Beijing date, in one transaction: a mark and its timeline entry are written together. */
    public Report run(LocalDate today) {
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
            if (Deadlines.overdue(due.dueOn(), today)) {
                if (!due.overdueNoted() && mark(due.id(), "overdue_noted_at", now)) {
                    timeline.record(due.id(), Timeline.Type.OVERDUE, stage, Timeline.By.PLATFORM, null,
                            Map.of("dueOn", due.dueOn().toString(), "workingDaysLate",
                                    calendar.workingDaysBetween(due.dueOn(), today)));
                    overdue++;
                }
            } else if (!due.reminded()
                    && Deadlines.dueSoon(calendar, due.dueOn(), today, settings.dueSoonWorkingDays())
                    && mark(due.id(), "reminded_at", now)) {
                timeline.record(due.id(), Timeline.Type.REMINDER, stage, Timeline.By.PLATFORM, null,
                        Map.of("dueOn", due.dueOn().toString(), "workingDaysLeft",
                                calendar.workingDaysBetween(today, due.dueOn())));
                reminded++;
            }
        }
        List<Grants.Expired> expired = grants.noteExpired(today, now);
        expired.forEach(grant -> timeline.record(grant.applicationId(), Timeline.Type.GRANT_EXPIRED, null,
                Timeline.By.PLATFORM, grant.grantId(), Map.of()));
        ObjectionReminders.Noted objectionsNoted = objections.run(today, now);
        if (reminded + overdue + expired.size() + objectionsNoted.reminded() + objectionsNoted.overdue() > 0) {
            audit.record(AuditEvent.success(ShareAuditAction.REMINDERS, "share-application", null, reminded
                    + " reminded, " + overdue + " overdue, " + expired.size() + " grants expired; objections: "
                    + objectionsNoted.reminded() + " reminded, " + objectionsNoted.overdue() + " overdue"),
                    AuditActor.PLATFORM);
        }
        return new Report(reminded, overdue, expired.size(), objectionsNoted.reminded(), objectionsNoted.overdue());
    }

    private boolean mark(long id, String column, OffsetDateTime now) {
        return jdbc.sql("update share_application set " + column + " = ? where id = ? and " + column + " is null "
                + "and status = 'PENDING'").params(now, id).update() == 1;
    }
}

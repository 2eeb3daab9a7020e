package cn.govdata.notice;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.notify.Deadline;
import cn.govdata.shared.notify.NoticeRaised;
import cn.govdata.shared.notify.PendingDeadlines;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Once a day, tells who owes each open deadline of the product that it is due soon (within a few working days),
 * due today, or overdue: one notice per deadline, stage and user. The notice's key names the deadline and the
 * stage, and the inbox stores a key once per user, so a second run, a second node or a retried run adds nothing;
 * the job itself runs once per cluster (ShedLock).
 */
@Component
class DeadlineNotices {

    /** How far a deadline is, as the notice tells it; its name ends the notice key and its kind. */
    enum Stage {
        SOON("deadline.soon"), TODAY("deadline.today"), OVERDUE("deadline.overdue");

        final String kind;

        Stage(String kind) {
            this.kind = kind;
        }
    }

    /** What one run did: the open deadlines seen, and the notices that reached someone new. */
    record Run(LocalDate today, int deadlines, int noticesStored) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeadlineNotices.class);

    private final List<PendingDeadlines> modules;
    private final RaisedNotices notices;
    private final Deliveries deliveries;
    private final WorkingDayCalendar calendar;
    private final TransactionTemplate transaction;
    private final int soonWorkingDays;

    DeadlineNotices(List<PendingDeadlines> modules, RaisedNotices notices, Deliveries deliveries,
            WorkingDayCalendar calendar, PlatformTransactionManager transactions,
            @Value("${govdata.notice.due-soon-working-days:2}") int soonWorkingDays) {
        this.modules = modules;
        this.notices = notices;
        this.deliveries = deliveries;
        this.calendar = calendar;
        this.transaction = new TransactionTemplate(transactions);
        this.soonWorkingDays = soonWorkingDays;
    }

    @SchedulerLock(name = "notice.deadlines", lockAtMostFor = "PT30M")
    @Scheduled(cron = "${govdata.notice.deadline-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
    void scheduled() {
        Run run = run(calendar.today());
        log.info("deadline notices for {}: {} open deadlines, {} notices raised", run.today(), run.deadlines(),
                run.noticesStored());
    }

    /** One run as of a Beijing date; each notice is stored in its own transaction, so one failure stops no other. */
    Run run(LocalDate today) {
        int deadlines = 0;
        int stored = 0;
        for (PendingDeadlines module : modules) {
            List<Deadline> pending;
            try {
                pending = module.pending();
            } catch (RuntimeException e) {
                // one module's failure must not keep the other modules' deadlines from being told
                log.warn("deadlines of {} not read: {}", module.getClass().getSimpleName(), e.getMessage(), e);
                continue;
            }
            for (Deadline deadline : pending) {
                deadlines++;
                Stage stage = stageOf(deadline.dueOn(), today);
                if (stage != null) {
                    NoticeRaised notice = noticeOf(deadline, stage, today);
                    stored += transaction.execute(status -> notices.store(notice));
                }
            }
        }
        if (stored > 0) {
            deliveries.sendDue();
        }
        return new Run(today, deadlines, stored);
    }

    /** The stage a deadline has reached today, or none while it is further away than the soon period. */
    Stage stageOf(LocalDate dueOn, LocalDate today) {
        if (today.isAfter(dueOn)) {
            return Stage.OVERDUE;
        }
        if (today.isEqual(dueOn)) {
            return Stage.TODAY;
        }
        return calendar.workingDaysBetween(today, dueOn) <= soonWorkingDays ? Stage.SOON : null;
    }

    /** The notice in plain Chinese, naming the thing and the date, with an English line for English readers. */
    private NoticeRaised noticeOf(Deadline deadline, Stage stage, LocalDate today) {
        LocalDate due = deadline.dueOn();
        String title;
        String body;
        switch (stage) {
            case SOON -> {
                int left = calendar.workingDaysBetween(today, due);
                title = "即将到期：" + deadline.what() + "，请于" + due + "前办理";
                body = "距到期还有" + left + "个工作日（" + due + "到期）。\nDue in " + left + " working day"
                        + (left == 1 ? "" : "s") + ": " + deadline.whatEnglish() + ", by " + due + ".";
            }
            case TODAY -> {
                title = "今天到期：" + deadline.what() + "，请于今天（" + due + "）办理";
                body = "今天（" + due + "）是最后期限。\nDue today (" + due + "): " + deadline.whatEnglish() + ".";
            }
            default -> {
                title = "已逾期：" + deadline.what() + "，已于" + due + "到期";
                body = "已超过期限（" + due + "到期），请尽快办理。\nOverdue since " + due + ": "
                        + deadline.whatEnglish() + ".";
            }
        }
        return new NoticeRaised("deadline:" + deadline.key() + ":" + stage.name(), stage.kind, title, body,
                deadline.link(), deadline.departmentId(), deadline.to());
    }
}

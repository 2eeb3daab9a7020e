package cn.govdata.share;

import java.time.Instant;
import java.time.LocalDate;

import cn.govdata.policy.WorkingDayCalendar;

/**
 * The reply to a conditional share application is due the profile's number of working days after it reaches
 * its approver (10 in YT21 and NX11, 7 in AB27), counted on the working-day calendar from the Beijing date of
 * that moment, the day itself not counted. Where the regulation fixes no period (TJ17, FZ10) there is no due
 * date. With two approvers in turn, each has the full period from the day the application reaches it.
 */
final class ReplyDeadline {

    private ReplyDeadline() {
    }

    static LocalDate due(WorkingDayCalendar calendar, Integer replyWorkingDays, Instant reached) {
        return replyWorkingDays == null ? null : calendar.dueAfter(reached, replyWorkingDays).due();
    }

    /** Not yet past the due date, and at most {@code soon} working days before it. */
    static boolean dueSoon(WorkingDayCalendar calendar, LocalDate due, LocalDate today, int soon) {
        return due != null && !today.isAfter(due) && calendar.workingDaysBetween(today, due) <= soon;
    }

    static boolean overdue(LocalDate due, LocalDate today) {
        return due != null && today.isAfter(due);
    }
}

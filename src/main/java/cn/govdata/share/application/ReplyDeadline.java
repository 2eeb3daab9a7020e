package cn.govdata.share.application;

import java.time.Instant;
import java.time.LocalDate;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.common.Deadlines;

/**
 * The reply to a conditional share application is due the profile's number of working days after it reaches
 * its approver (10 in YT21 and NX11, 7 in AB27), counted on the working-day calendar from the Beijing date of
 * that moment, the day itself not counted. Where the regulation fixes no period (TJ17, FZ10) there is no due
 * date. With two approvers in turn, each has the full period from the day the application reaches it. When it is
 * due soon or overdue: {@link Deadlines}, as for an objection.
 */
final class ReplyDeadline {

    private ReplyDeadline() {
    }

    static LocalDate due(WorkingDayCalendar calendar, Integer replyWorkingDays, Instant reached) {
        return replyWorkingDays == null ? null : calendar.dueAfter(reached, replyWorkingDays).due();
    }
}

package cn.govdata.share.common;

import java.time.LocalDate;

import cn.govdata.policy.WorkingDayCalendar;

/**
 * When something waiting for an answer — an application's reply, an objection's check — is due soon or overdue,
 * alike for both, so that their handlers are reminded alike ({@code govdata.share.due-soon-working-days}). A null
 * due date (the regulation fixes no period) is never either.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** Not yet past the due date, and at most {@code soon} working days before it. */
    public static boolean dueSoon(WorkingDayCalendar calendar, LocalDate due, LocalDate today, int soon) {
        return due != null && !today.isAfter(due) && calendar.workingDaysBetween(today, due) <= soon;
    }

    public static boolean overdue(LocalDate due, LocalDate today) {
        return due != null && today.isAfter(due);
    }
}

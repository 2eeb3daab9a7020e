package cn.govdata.open.demand;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.WorkingDayCalendar;

/**
 * The periods of a demand request, from the region's profile and the one calendar: the department answers within
 * the profile's reply period counted in calendar days from the day of the request (FZ18: 自申请之日起15日内), the
 * authority reviews an objection within its period from the day of the objection (10日内), and the requester may
 * object within {@link DemandSettings#objectionDays()} after the answer. A profile without {@code openDemand} sets no
 * period: such requests have no due date and are never overdue.
 */
@Component
class DemandDeadlines {

    private final ActivePolicy policy;
    private final WorkingDayCalendar calendar;
    private final DemandSettings settings;

    DemandDeadlines(ActivePolicy policy, WorkingDayCalendar calendar, DemandSettings settings) {
        this.policy = policy;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** Whether the region opens data to the public at all (Ningxia's and Taijiang's texts do not). */
    boolean offered() {
        return policy.profile().openData() != null;
    }

    /** replyDueWithinProfileDeadline: the reply's last day for a request made at the instant, null without a period. */
    LocalDate replyDue(Instant submitted) {
        PolicyProfile.OpenDemand period = policy.profile().openDemand();
        return period == null ? null : calendar.dueAfterCalendarDays(day(submitted), period.replyDays());
    }

    /** The review's last day for an objection made at the instant, null without a period. */
    LocalDate reviewDue(Instant objected) {
        PolicyProfile.OpenDemand period = policy.profile().openDemand();
        return period == null ? null : calendar.dueAfterCalendarDays(day(objected), period.objectionReviewDays());
    }

    /** The last day on which the requester may object to an answer given at the instant. */
    LocalDate objectionOpenUntil(Instant answered) {
        return calendar.dueAfterCalendarDays(day(answered), settings.objectionDays());
    }

    LocalDate today() {
        return calendar.today();
    }

    /** The article the periods come from, e.g. FZ18; null without a period. */
    String basis() {
        PolicyProfile.OpenDemand period = policy.profile().openDemand();
        return period == null ? null : period.basis();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, WorkingDayCalendar.ZONE);
    }
}

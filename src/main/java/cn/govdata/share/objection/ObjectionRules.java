package cn.govdata.share.objection;

import java.time.Instant;
import java.time.LocalDate;

import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.ObjectionRoute;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.common.Deadlines;
import cn.govdata.share.common.Stage;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Where an objection goes and when its check is due (SHR-7), from the policy profile in force.
 *
 * <ul>
 * <li>Route {@code PROVIDER} (YT16, NX15, AB28): straight to the providing department. Route {@code AUTHORITY}
 * (TJ18, FZ13): to the region's data authority first, which forwards it to the provider — unless the authority
 * raised it itself or holds the data, when there is nothing to forward.</li>
 * <li>The check is due {@code objection.workingDays} working days after the objection is raised (AB28: 7),
 * counted on the working-day calendar from the Beijing date of that moment, the day itself not counted; the
 * period covers both stages. Without a fixed period ("in time": YT, NX, TJ, FZ) there is no due date.</li>
 * <li>One extension of at most {@code objection.extensionWorkingDays} (AB28: 7), counted from the due date, only
 * where the profile fixes both periods.</li>
 * <li>Due soon at most {@code govdata.share.due-soon-working-days} working days before the due date, as an
 * application's reply ({@link Deadlines}); the reminder job ({@link ObjectionReminders}) reminds then and notes the
 * objection when it is past its due date.</li>
 * </ul>
 */
final class ObjectionRules {

    private ObjectionRules() {
    }

    /** The stage an objection starts at. */
    static Stage firstStage(ObjectionRoute route, boolean raisedByAuthority, boolean providerIsAuthority) {
        return route == ObjectionRoute.AUTHORITY && !raisedByAuthority && !providerIsAuthority ? Stage.AUTHORITY
                : Stage.PROVIDER;
    }

    /** The day the check is due, or null where the profile fixes no period. */
    static LocalDate due(WorkingDayCalendar calendar, PolicyProfile.Objection rules, Instant raised) {
        return rules.workingDays() == null ? null : calendar.dueAfter(raised, rules.workingDays()).due();
    }

    /**
     * The due date after an extension of {@code workingDays}, which must be allowed by the profile and within
     * its limit.
     *
     * @throws DomainException {@code EXTENSION_NOT_ALLOWED} (the profile fixes no period or allows no extension),
     *         {@code EXTENSION_TOO_LONG}
     */
    static LocalDate extended(WorkingDayCalendar calendar, PolicyProfile.Objection rules, LocalDate due,
            int workingDays) {
        requireExtensible(rules, due);
        if (workingDays < 1 || workingDays > rules.extensionWorkingDays()) {
            throw new DomainException(ProblemCode.EXTENSION_TOO_LONG, rules.extensionWorkingDays());
        }
        return calendar.dueAfter(due, workingDays).due();
    }

    static void requireExtensible(PolicyProfile.Objection rules, LocalDate due) {
        if (due == null || rules.workingDays() == null || rules.extensionWorkingDays() == null) {
            throw new DomainException(ProblemCode.EXTENSION_NOT_ALLOWED,
                    rules.basis() == null ? "-" : rules.basis());
        }
    }
}

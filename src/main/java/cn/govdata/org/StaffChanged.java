package cn.govdata.org;

import java.time.LocalDate;

/**
 * A change in who is responsible for a department's data that the department reports to the data authority
 * within 5 working days (ORG-2 roster, ORG-3 chief data officer): published inside the transaction that records it,
 * so that the filing is opened with it.
 *
 * @param subjectId the chief data officer's term, or the roster's version
 * @param subject what changed, in plain Chinese
 * @param effectiveOn the day the change took effect, from which the 5 working days run
 */
public record StaffChanged(long regionId, long departmentId, Kind kind, long subjectId, String subject,
        LocalDate effectiveOn) {

    public enum Kind { OFFICER_APPOINTED, OFFICER_ENDED, ROSTER_CHANGED }
}

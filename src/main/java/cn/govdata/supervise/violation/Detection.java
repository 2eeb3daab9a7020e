package cn.govdata.supervise.violation;

import java.time.LocalDate;

/**
 * One violation a rule sees in the facts.
 *
 * @param subjectKey what fired with the due date it missed, e.g. {@code obligation:12:2026-03-01}: detecting
 *        the same thing again finds the same key, so detection is idempotent, while a new miss of the same
 *        subject (the next cycle) is a new violation
 * @param subjectId the id of the obligation, dataset, application, objection, repeated collection or discrepancy
 * @param subject what it is about, in words
 */
public record Detection(ViolationType type, long regionId, long departmentId, String subjectKey, long subjectId,
        String subject, LocalDate missedDueOn) {

    /** The same subject and department, whatever due date it missed: what a re-check looks for. */
    boolean sameSubject(ViolationType otherType, long otherSubjectId, long otherDepartmentId) {
        return type == otherType && subjectId == otherSubjectId && departmentId == otherDepartmentId;
    }
}

package cn.govdata.open.demand;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An open-data demand request (开放需求申请, FZ18) as stored: what is asked, who answers it, the answer, the
 * objection and the authority's review.
 *
 * @param requesterId the public account that asked, null once it was deleted
 * @param namedDepartmentId the department the requester named, if any
 * @param departmentId the department that answers (named, or assigned by the authority); null while the
 *        authority has it
 * @param entryId the catalog entry it concerns or is fulfilled by
 * @param replyDueOn the reply's last day, null where the region's profile sets no period
 * @param objectionOpenUntil the last day the requester may object to the answer
 * @param reviewDueOn the last day of the authority's review of an objection, null where no period is set
 */
record Demand(long id, long regionId, Long requesterId, Kind kind, String subject, String description, String reason,
        Long namedDepartmentId, Long departmentId, Long entryId, Status status, OffsetDateTime submittedAt,
        LocalDate replyDueOn, Decision decision, String decisionReasons, String legalBasis, OffsetDateTime answeredAt,
        String answeredBy, Long answeredDepartmentId, LocalDate objectionOpenUntil, String objectionReasons,
        OffsetDateTime objectedAt, LocalDate reviewDueOn, ReviewOutcome reviewOutcome, String reviewReasons,
        OffsetDateTime reviewedAt, String reviewedBy, OffsetDateTime fulfilledAt) {

    /** Data asked to be listed in the catalog (编目) or opened (开放). */
    enum Kind { LIST, OPEN }

    enum Status {
        /** With the authority: no department named, or returned as not the department's data. */
        AWAITING_ASSIGNMENT,
        /** With the department, to answer. */
        AWAITING_REPLY,
        /** Answered; public; the requester may object within the period. */
        ANSWERED,
        /** The requester objected; the authority reviews. */
        OBJECTED,
        /** The authority decided the objection: final. */
        CLOSED;

        boolean answered() {
            return this == ANSWERED || this == OBJECTED || this == CLOSED;
        }
    }

    /** The answer. */
    enum Decision {
        /** The data will be listed or opened (同意, 及时列入目录或者开放). */
        WILL_OPEN,
        /** The data is open already: the answer links its catalog entry. */
        ALREADY_OPEN,
        /** The data will not be opened, with the reasons and the legal basis (不同意的说明理由). */
        WILL_NOT_OPEN,
        /** No department on the platform holds this data (a department's such answer returns it to the authority). */
        NOT_OUR_DATA
    }

    /** The authority's decision on an objection (复核结果). */
    enum ReviewOutcome {
        /** The answer stands. */
        CONFIRMED,
        /** The answer is replaced by the authority's. */
        REVISED
    }

    /** Whether the answer (or the review of an objection) is late as of the day. */
    boolean overdue(LocalDate today) {
        return switch (status) {
            case AWAITING_ASSIGNMENT, AWAITING_REPLY -> replyDueOn != null && replyDueOn.isBefore(today);
            case OBJECTED -> reviewDueOn != null && reviewDueOn.isBefore(today);
            case ANSWERED, CLOSED -> false;
        };
    }

    /** Whether the requester may still object as of the day: once, within the period after the answer. */
    boolean objectionOpen(LocalDate today) {
        return status == Status.ANSWERED && objectedAt == null && objectionOpenUntil != null
                && !today.isAfter(objectionOpenUntil);
    }
}

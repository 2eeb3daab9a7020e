package cn.govdata.open.demand;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.govdata.open.account.PublicAccountKind;

/**
 * A demand request as one of its readers sees it (absent members are not shown to that reader): the public sees an
 * answered request without anything about the requester and with personal values in the texts masked; the
 * requester sees their own request whole with its periods and steps; officials see what they need to answer it,
 * with the requester's kind (and an organisation's name), the deadlines and whether it is late.
 */
record DemandView(long id, Demand.Kind kind, String subject, String description, String reason, Demand.Status status,
        OffsetDateTime submittedAt, Long departmentId, String departmentName, Long namedDepartmentId,
        String namedDepartmentName, Entry entry, LocalDate replyDueOn, Boolean overdue, Demand.Decision decision,
        String decisionReasons, String legalBasis, OffsetDateTime answeredAt, String answeredDepartmentName,
        String answeredBy, LocalDate objectionOpenUntil, Boolean objectionOpen, boolean objected,
        String objectionReasons, OffsetDateTime objectedAt, LocalDate reviewDueOn, Demand.ReviewOutcome reviewOutcome,
        String reviewReasons, OffsetDateTime reviewedAt, OffsetDateTime fulfilledAt, Requester requester,
        List<Step> timeline) {

    /** The catalog entry a request concerns: its code and name while it is published. */
    record Entry(long id, String resourceCode, String name) {
    }

    /** Who asked, as officials see it: the kind of account, and the name of an organisation (never a citizen's). */
    record Requester(PublicAccountKind kind, String name) {
    }

    /** A step of the request's history; the actor is shown to officials only. */
    record Step(String type, OffsetDateTime at, String actor, Map<String, Object> detail) {
    }
}

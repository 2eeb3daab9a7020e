package cn.govdata.share.application;

import java.time.LocalDate;
import java.util.List;

import cn.govdata.catalog.LegalBasis;
import cn.govdata.share.WayOfUse;

/** What departments send: applications, decisions, coordination. Checked by {@link ShareRules}. */
final class ShareForms {

    private ShareForms() {
    }

    /** A row filter as sent: the comparison as text, so that a wrong one is reported with its field. */
    record RowFilterForm(List<ConditionForm> conditions) {
    }

    record ConditionForm(String item, String op, List<String> values) {
    }

    /**
     * An application (or an unconditional request, or a coordination request for a not-shared entry).
     *
     * @param items data item identifiers wanted; for an unconditional request none means all
     * @param ways ways of use ({@link WayOfUse} names)
     * @param systems ids of the department's connected systems that will use the data
     * @param onBehalfOf only from another platform's link (a connected system of the data authority, SHR-10): who
     *        applies there — the person and department of that platform — shown here as who applied; the link
     *        itself is the system that will use the data
     */
    record ApplicationForm(Long entryId, List<String> items, RowFilterForm rowFilter, String purpose,
            String useScenario, String legalDuty, LocalDate periodFrom, LocalDate periodTo, List<String> ways,
            List<Long> systems, String negotiation, String onBehalfOf) {

        /** The same form from another platform's link: the link is the only system that will use the data. */
        ApplicationForm forPeer(long linkSystemId) {
            return new ApplicationForm(entryId, items, rowFilter, purpose, useScenario, legalDuty, periodFrom,
                    periodTo, ways, List.of(linkSystemId), negotiation, onBehalfOf);
        }
    }

    /**
     * An approval; every field left out keeps what was applied for (or approved at the earlier stage).
     *
     * @param rateLimit requests per second of the grant (default from the settings)
     * @param dailyQuota records per day of the grant (default from the settings)
     */
    record Approval(List<String> items, RowFilterForm rowFilter, LocalDate periodFrom, LocalDate periodTo,
            List<String> ways, List<Long> systems, Integer rateLimit, Long dailyQuota, String comment) {

        static final Approval AS_APPLIED = new Approval(null, null, null, null, null, null, null, null, null);
    }

    /** A refusal: a reason and the legal basis it rests on (SHR-4). */
    record Refusal(String reason, LegalBasis basis) {
    }

    /** The authority's coordination decision: GRANT (with an optional narrowing) or REFUSE (reason and basis). */
    record CoordinationDecision(String outcome, String reason, LegalBasis basis, List<String> items,
            RowFilterForm rowFilter, LocalDate periodFrom, LocalDate periodTo, List<String> ways, List<Long> systems,
            Integer rateLimit, Long dailyQuota) {

        Approval approval() {
            return new Approval(items, rowFilter, periodFrom, periodTo, ways, systems, rateLimit, dailyQuota, reason);
        }
    }
}

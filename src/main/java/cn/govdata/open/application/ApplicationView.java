package cn.govdata.open.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.govdata.open.account.PublicAccountKind;

/**
 * An open application as one of its readers sees it: the applicant sees their own whole, with its deadline and, once
 * approved, the usage agreement; officials see it with the applicant's kind (and an organisation's name, never a
 * citizen's), whether it is late and who decided.
 *
 * @param competitiveSelection commercial use: granted by competitive selection (FZ17), as the agreement says
 * @param grants whether the application gives access today
 */
record ApplicationView(long id, Dataset dataset, OpenApplication.Use use, String purpose, String scenario,
        String securityMeasures, List<String> items, LocalDate requestedUntil, OpenApplication.Status status,
        OffsetDateTime submittedAt, LocalDate dueOn, boolean overdue, OffsetDateTime decidedAt, String decidedBy,
        String conditions, List<String> grantedItems, LocalDate accessUntil, String agreement, String refusalReasons,
        String legalBasis, boolean competitiveSelection, boolean grants, Applicant applicant) {

    /** The dataset applied for: its CKAN id and name, its title and providing department. */
    record Dataset(long id, String packageId, String name, String title, long departmentId, String departmentName) {
    }

    /** Who applied, as officials see it. */
    record Applicant(PublicAccountKind kind, String name) {
    }
}

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
 * @param decidable whether the official reading it decides it now (the provider, or the authority where it decides)
 * @param selectionNeeded whether only a competitive selection's winner may be approved (FZ17), its result not yet
 *        recorded
 * @param selection the selection's result once the authority recorded it
 */
record ApplicationView(long id, Dataset dataset, OpenApplication.Use use, String purpose, String scenario,
        String securityMeasures, List<String> items, LocalDate requestedUntil, OpenApplication.Status status,
        OffsetDateTime submittedAt, LocalDate dueOn, boolean overdue, OffsetDateTime decidedAt, String decidedBy,
        String conditions, List<String> grantedItems, LocalDate accessUntil, String agreement, String refusalReasons,
        String legalBasis, boolean competitiveSelection, boolean grants, Applicant applicant, boolean decidable,
        boolean selectionNeeded, Selection selection) {

    /** A competitive selection's result as recorded. */
    record Selection(String method, CompetitiveSelection.Result result, java.time.LocalDate decidedOn, String reference) {
    }

    /** The dataset applied for: its CKAN id and name, its title and providing department. */
    record Dataset(long id, String packageId, String name, String title, long departmentId, String departmentName) {
    }

    /** Who applied, as officials see it. */
    record Applicant(PublicAccountKind kind, String name) {
    }
}

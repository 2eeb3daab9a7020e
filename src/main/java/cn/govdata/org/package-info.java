/**
 * Organisation (ORG-1, ORG-2, ORG-3, ORG-5): regions with their division codes and data authority, departments
 * with their credit codes and rosters, user accounts with roles scoped to a department, the chief data officers
 * of the region and of each department, and the departments' connected systems. Public surface:
 * {@link cn.govdata.org.Accounts}, {@link cn.govdata.org.ChiefDataOfficers} (who is in office),
 * {@link cn.govdata.org.ConnectedSystems}, {@link cn.govdata.org.CreditCode}, the events
 * {@link cn.govdata.org.UserSessionsEnded} and {@link cn.govdata.org.StaffChanged}, and the read-only
 * {@link cn.govdata.org.Directory} and {@link cn.govdata.org.OrgFacts} (with the filings not yet reported).
 *
 * <p>Room {@code serviceunit}: technical service units authorised by the data authority (ORG-4); what their
 * linked accounts may do is narrowed where the account is read ({@link cn.govdata.org.Accounts#status}).
 *
 * <p>Room {@code cdo}: the rest of the chief-data-officer system (ORG-3): the working group, documents of
 * appointment, and the filings to the data authority (changes of officers, working group and roster due in 5
 * working days by the policy's calendar, the officer's yearly summary due 15 December), on the workbench and in
 * the deadline notices.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "policy" })
package cn.govdata.org;

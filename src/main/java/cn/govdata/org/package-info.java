/**
 * Organisation (ORG-1, ORG-2, ORG-3, ORG-5): regions with their division codes and data authority, departments
 * with their credit codes and rosters, user accounts with roles scoped to a department, the chief data officers
 * of the region and of each department, and the departments' connected systems. Public surface:
 * {@link cn.govdata.org.Accounts}, {@link cn.govdata.org.ChiefDataOfficers} (who is in office),
 * {@link cn.govdata.org.ConnectedSystems}, {@link cn.govdata.org.CreditCode}, the event
 * {@link cn.govdata.org.UserSessionsEnded}, and the read-only
 * {@link cn.govdata.org.Directory}.
 *
 * <p>Room {@code serviceunit}: technical service units authorised by the data authority (ORG-4); what their
 * linked accounts may do is narrowed where the account is read ({@link cn.govdata.org.Accounts#status}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package cn.govdata.org;

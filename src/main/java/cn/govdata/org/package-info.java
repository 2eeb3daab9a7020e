/**
 * Organisation (ORG-1, ORG-2, ORG-5): regions with their division codes and data authority, departments
 * with their credit codes and rosters, user accounts with roles scoped to a department, and the
 * departments' connected systems. Public surface: {@link cn.govdata.org.Accounts},
 * {@link cn.govdata.org.ConnectedSystems}, {@link cn.govdata.org.CreditCode}, the event
 * {@link cn.govdata.org.UserSessionsEnded}, and the read-only
 * {@link cn.govdata.org.Directory}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package cn.govdata.org;

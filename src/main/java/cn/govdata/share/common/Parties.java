package cn.govdata.share.common;

/**
 * Whom a shared thing — an application, a grant, an objection — is between: the department whose data it is, the
 * department that uses it (the applicant, the grant's consumer, the objection's raiser), and the region whose data
 * authority oversees it. What {@link SharePermissions} decides by.
 */
public record Parties(long regionId, long providerDepartmentId, long consumerDepartmentId) {
}

package cn.govdata.share;

/** Published after a grant is issued (approval, coordination or an unconditional request). */
public record GrantIssued(long grantId, long entryId, long providerDepartmentId, long consumerDepartmentId) {
}

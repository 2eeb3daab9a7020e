package cn.govdata.share;

/** Published after a grant is revoked: the data access interfaces stop deliveries under it (subscriptions). */
public record GrantRevoked(long grantId, long entryId, long consumerDepartmentId) {
}

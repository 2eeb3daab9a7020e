package cn.govdata.security;

/**
 * Leak tracing (SHR-6): every file exported to a consumer is recorded here before its first row is written, and
 * carries a watermark that identifies the export, so that a leaked copy can be traced back to its grant and time
 * (the authority's security administrator, {@code POST /api/v1/security/trace}). See docs/security.md, Leak tracing.
 */
public interface ExportWatermarks {

    /** What a file leaves under: a department's share grant, or an account holder's approved open application. */
    enum GrantKind {
        SHARE, OPEN
    }

    /**
     * A file about to leave under a grant.
     *
     * @param kind the kind of grant
     * @param grantId the grant it leaves under (for open data, the approved application)
     * @param entryId the catalog entry whose data it holds
     * @param resourceCode that entry's resource code
     * @param providerDepartmentId the department whose data it is
     * @param consumerDepartmentId the department it goes to; null for open data
     * @param holderName the account holder it goes to, as named when the file left; null for sharing
     * @param records how many records it holds (about, where the count is not known before)
     */
    record ExportedFile(GrantKind kind, long grantId, long entryId, String resourceCode, long providerDepartmentId,
            Long consumerDepartmentId, String holderName, long records) {

        /** A file a department takes under its share grant. */
        public static ExportedFile underShareGrant(long grantId, long entryId, String resourceCode,
                long providerDepartmentId, long consumerDepartmentId, long records) {
            return new ExportedFile(GrantKind.SHARE, grantId, entryId, resourceCode, providerDepartmentId,
                    consumerDepartmentId, null, records);
        }

        /** A file an account holder downloads under the approved application for data open on conditions. */
        public static ExportedFile underOpenGrant(long applicationId, long entryId, String resourceCode,
                long providerDepartmentId, String holderName, long records) {
            return new ExportedFile(GrantKind.OPEN, applicationId, entryId, resourceCode, providerDepartmentId, null,
                    holderName, records);
        }
    }

    /** Records the export, now, and gives the watermark its file carries. */
    ExportWatermark begin(ExportedFile file);
}

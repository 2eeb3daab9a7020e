package cn.govdata.security;

/**
 * Leak tracing (SHR-6): every file exported to a consumer is recorded here before its first row is written, and
 * carries a watermark that identifies the export, so that a leaked copy can be traced back to its grant and time
 * (the authority's security administrator, {@code POST /api/v1/security/trace}). See docs/security.md, Leak tracing.
 */
public interface ExportWatermarks {

    /**
     * A file about to leave under a grant.
     *
     * @param grantId the grant it leaves under
     * @param entryId the catalog entry whose data it holds
     * @param resourceCode that entry's resource code
     * @param providerDepartmentId the department whose data it is
     * @param consumerDepartmentId the department it goes to
     * @param records how many records it holds
     */
    record ExportedFile(long grantId, long entryId, String resourceCode, long providerDepartmentId,
            long consumerDepartmentId, long records) {
    }

    /** Records the export, now, and gives the watermark its file carries. */
    ExportWatermark begin(ExportedFile file);
}

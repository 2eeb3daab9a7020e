package cn.govdata.audit;

/**
 * Who acted, for entries recorded outside an authenticated request.
 *
 * @param name login or system name ({@code system} for the platform itself)
 * @param departmentId the actor's department, or null
 * @param clientAddress the client's IP address, or null
 */
public record AuditActor(String name, Long departmentId, String clientAddress) {

    public static final AuditActor PLATFORM = new AuditActor("system", null, null);

    /**
     * Details of an authenticated session whose user acts on someone else's behalf: a technical service unit's
     * staff act for the data authority (ORG-4). Every entry of such a session names it.
     */
    public interface OnBehalf {

        /** Whom the user acts for and through which unit, in words, or null when the user acts for itself. */
        String onBehalfOf();
    }
}

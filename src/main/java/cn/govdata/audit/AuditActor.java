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
}

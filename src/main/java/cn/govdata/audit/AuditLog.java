package cn.govdata.audit;

/**
 * The tamper-evident audit log (SEC-1, SEC-2): the one way any module records a state change or a use of
 * data. {@link #record} returns only once the entry is durable, so a response is never sent for an action
 * whose audit entry could still be lost. Called inside a transaction, the entry is written when that
 * transaction commits (still before the response), so the log records what really happened; a change
 * that is rolled back leaves no entry.
 */
public interface AuditLog {

    /**
     * Appends an entry for the current request: actor, actor's department and client address are taken
     * from the authenticated {@link cn.govdata.shared.Actor} and the current HTTP request.
     */
    void record(AuditEvent event);

    /** Appends an entry whose actor is given explicitly (failed logins, system jobs, bootstrap). */
    void record(AuditEvent event, AuditActor actor);
}

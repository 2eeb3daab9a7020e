package cn.govdata.audit;

/**
 * An action the audit log records, by its stable dotted name (e.g. {@code share.grant.issue}). Each module
 * lists its actions in one enum that implements this, so the names are written once and can be found, listed
 * and labelled; the log stores the name.
 */
public interface AuditAction {

    /** The stable name stored in the log, e.g. {@code share.grant.issue}. */
    String code();
}

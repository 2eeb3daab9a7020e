package cn.govdata.share.common;

/**
 * Whose turn it is: the providing department, or the region's data authority — the approver an application waits
 * for, and the one who handles an objection.
 */
public enum Stage { PROVIDER, AUTHORITY }

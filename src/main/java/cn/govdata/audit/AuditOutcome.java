package cn.govdata.audit;

public enum AuditOutcome { SUCCESS, FAILURE }

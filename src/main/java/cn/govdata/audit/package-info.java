/**
 * The tamper-evident audit log (SEC-1, SEC-2): every state change and every use of data is appended,
 * chained with SM3 and checkpointed with SM2 signatures, so that a changed, removed or inserted entry is
 * found by a verification anyone with the public key can run. Public surface: {@link cn.govdata.audit.AuditLog}
 * and its value types; {@link cn.govdata.audit.AuditVerification} for the command line.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package cn.govdata.audit;

/**
 * Backup and restore of a whole installation (SEC-4): the database in one consistent snapshot, the keys (the audit
 * log's SM2 signing key, the subscriptions' SM4 key) and the stored files, written to a folder by
 * {@code java -jar govdata.jar backup --to <dir>} and brought back into an empty database and data directory by
 * {@code java -jar govdata.jar restore --from <dir>}. Runs from the command line with the server's settings; uses
 * no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package cn.govdata.backup;

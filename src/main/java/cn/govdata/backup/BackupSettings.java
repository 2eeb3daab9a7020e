package cn.govdata.backup;

import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;

/** Where the installation keeps what a backup takes: the server's own settings, read the same way. */
class BackupSettings {

    private final Path dataDir;
    private final Path auditKey;
    private final Path subscriptionKey;
    private final String pgBin;
    private final String databaseUser;
    private final String databasePassword;

    BackupSettings(@Value("${govdata.data-dir}") String dataDir,
            @Value("${govdata.audit.signing-key:${govdata.data-dir}/keys/audit-sm2.pem}") String auditKey,
            @Value("${govdata.share.subscription.secret-key:${govdata.data-dir}/keys/subscription-sm4.key}") String subscriptionKey,
            @Value("${govdata.backup.postgresql-bin:}") String pgBin,
            @Value("${spring.datasource.username:}") String databaseUser,
            @Value("${spring.datasource.password:}") String databasePassword) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.auditKey = Path.of(auditKey).toAbsolutePath().normalize();
        this.subscriptionKey = Path.of(subscriptionKey).toAbsolutePath().normalize();
        this.pgBin = pgBin;
        this.databaseUser = databaseUser;
        this.databasePassword = databasePassword;
    }

    String databaseUser() {
        return databaseUser;
    }

    String databasePassword() {
        return databasePassword;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The keys a restored installation needs to verify its audit log and open its subscriptions' secrets. */
    List<Key> keys() {
        return List.of(new Key("audit-sm2.pem", auditKey), new Key("subscription-sm4.key", subscriptionKey));
    }

    /** The stored files under the data directory: attachments, objection evidence, rejected-row reports. */
    List<Path> fileFolders() {
        return List.of(Path.of("share", "attachments"), Path.of("share", "objections"), Path.of("lake", "rejected"));
    }

    /** A PostgreSQL client program: from the configured folder, else the one on the PATH. */
    String postgresProgram(String name) {
        return pgBin.isBlank() ? name : Path.of(pgBin, name).toString();
    }

    record Key(String name, Path location) {
    }
}

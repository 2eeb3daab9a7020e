package cn.govdata.backup;

import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;

/** Where the installation keeps what a backup takes: the server's own settings, read the same way. */
class BackupSettings {

    private final Path dataDir;
    private final Path auditKey;
    private final Path subscriptionKey;
    private final Path lakeKeys;
    private final Path federationKey;
    private final String pgBin;
    private final String databaseUser;
    private final String databasePassword;

    BackupSettings(@Value("${govdata.data-dir}") String dataDir,
            @Value("${govdata.audit.signing-key:${govdata.data-dir}/keys/audit-sm2.pem}") String auditKey,
            @Value("${govdata.share.subscription.secret-key:${govdata.data-dir}/keys/subscription-sm4.key}") String subscriptionKey,
            @Value("${govdata.lake.sealing.key-file:${govdata.data-dir}/keys/lake-sm4.keys}") String lakeKeys,
            @Value("${govdata.federation.secret-key:${govdata.data-dir}/keys/federation-sm4.key}") String federationKey,
            @Value("${govdata.backup.postgresql-bin:}") String pgBin,
            @Value("${spring.datasource.username:}") String databaseUser,
            @Value("${spring.datasource.password:}") String databasePassword) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.auditKey = Path.of(auditKey).toAbsolutePath().normalize();
        this.subscriptionKey = Path.of(subscriptionKey).toAbsolutePath().normalize();
        this.lakeKeys = Path.of(lakeKeys).toAbsolutePath().normalize();
        this.federationKey = Path.of(federationKey).toAbsolutePath().normalize();
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

    /**
     * The keys a restored installation needs: to verify its audit log, open its subscriptions' and peers' secrets,
     * read the lake's sealed personal values (without that key file they are lost), and go on signing decisions
     * under the certificate already handed out.
     */
    List<Key> keys() {
        Path decisions = dataDir.resolve("keys");
        return List.of(new Key("audit-sm2.pem", auditKey), new Key("subscription-sm4.key", subscriptionKey),
                new Key("lake-sm4.keys", lakeKeys), new Key("federation-sm4.key", federationKey),
                new Key("decision-sm2.pem", decisions.resolve("decision-sm2.pem")),
                new Key("decision-sm2.crt", decisions.resolve("decision-sm2.crt")));
    }

    /**
     * The stored files under the data directory: attachments, objection evidence, rejected-row reports, batches held
     * for a secrecy marking, documents of appointment.
     */
    List<Path> fileFolders() {
        return List.of(Path.of("share", "attachments"), Path.of("share", "objections"), Path.of("lake", "rejected"),
                Path.of("lake", "held"), Path.of("org", "documents"));
    }

    /** A PostgreSQL client program: from the configured folder, else the one on the PATH. */
    String postgresProgram(String name) {
        return pgBin.isBlank() ? name : Path.of(pgBin, name).toString();
    }

    record Key(String name, Path location) {
    }
}

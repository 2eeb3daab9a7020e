package cn.govdata.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.govdata.GovdataApplication;
import cn.govdata.audit.AuditVerification;
import cn.govdata.support.ApiIntegrationTest;

/**
 * The backup round trip through the command line's verbs: a backup of the running platform's database, keys and
 * files restores into an empty database and data directory, and there the audit log verifies intact with the same
 * number of entries; a restore into a database that is not empty is refused and changes nothing.
 */
class BackupRestoreTest extends ApiIntegrationTest {

    @Autowired
    AuditVerification verification;

    @Value("${spring.datasource.url}")
    String sourceUrl;

    @Value("${govdata.data-dir}")
    String dataDir;

    @Value("${govdata.lake.sealing.key-file}")
    String lakeKeyFile;

    @Test
    void aBackupRestoresIntoAnEmptyInstallationWithTheAuditLogIntact() throws Exception {
        // some history: the administrator's login and a department
        newDepartment(admin(), "备份测试局");
        Path evidence = Path.of(dataDir, "share", "objections", "backup-test", "evidence.pdf");
        Files.createDirectories(evidence.getParent());
        Files.writeString(evidence, "%PDF-1.4 evidence kept with the backup");

        Path work = Files.createTempDirectory("govdata-backup-test-");
        Path backup = work.resolve("backup");
        long before = verification.verify().entries();
        assertThat(BackupCommand.run(args("backup", "--to", backup.toString(), "--govdata.data-dir=" + dataDir,
                "--spring.datasource.url=" + sourceUrl))).isZero();
        long after = verification.verify().entries();
        assertThat(backup.resolve(Backups.MANIFEST)).exists();
        assertThat(backup.resolve("keys/audit-sm2.pem")).exists();

        String restoredUrl = emptyRestoreDatabase();
        Path restoredDir = work.resolve("restored-data");
        String[] restoreSettings = { "--govdata.data-dir=" + restoredDir, "--spring.datasource.url=" + restoredUrl,
                "--govdata.audit.signing-key=" + restoredDir.resolve("keys/audit-sm2.pem"),
                "--govdata.share.subscription.secret-key=" + restoredDir.resolve("keys/subscription-sm4.key"),
                "--govdata.federation.secret-key=" + restoredDir.resolve("keys/federation-sm4.key"),
                "--govdata.lake.sealing.key-file=" + restoredDir.resolve("keys/lake-sm4.keys") };
        assertThat(BackupCommand.run(args("restore", "--from", backup.toString(), restoreSettings))).isZero();
        assertThat(restoredDir.resolve("keys/audit-sm2.pem")).hasSameBinaryContentAs(
                backup.resolve("keys/audit-sm2.pem"));
        // without its key file the lake's sealed personal values could not be read after a restore
        assertThat(restoredDir.resolve("keys/lake-sm4.keys")).hasSameBinaryContentAs(Path.of(lakeKeyFile));
        assertThat(restoredDir.resolve("share/objections/backup-test/evidence.pdf")).hasContent(
                "%PDF-1.4 evidence kept with the backup");

        try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(GovdataApplication.class)
                .web(WebApplicationType.NONE).profiles("test").run(restoreSettings)) {
            AuditVerification.Result result = restored.getBean(AuditVerification.class).verify();
            assertThat(result.intact()).as(result.toString()).isTrue();
            assertThat(result.entries()).isBetween(before, after);
        }

        // the restored database is no longer empty: a second restore is refused and changes nothing
        Path again = work.resolve("restored-again");
        String[] second = restoreSettings.clone();
        second[0] = "--govdata.data-dir=" + again;
        second[2] = "--govdata.audit.signing-key=" + again.resolve("keys/audit-sm2.pem");
        second[3] = "--govdata.share.subscription.secret-key=" + again.resolve("keys/subscription-sm4.key");
        second[4] = "--govdata.federation.secret-key=" + again.resolve("keys/federation-sm4.key");
        second[5] = "--govdata.lake.sealing.key-file=" + again.resolve("keys/lake-sm4.keys");
        assertThat(BackupCommand.run(args("restore", "--from", backup.toString(), second))).isEqualTo(1);
        assertThat(again.resolve("keys/audit-sm2.pem")).doesNotExist();
    }

    @Test
    void aChangedBackupIsRefusedBeforeAnythingIsRestored() throws Exception {
        Path work = Files.createTempDirectory("govdata-backup-test-");
        Path backup = work.resolve("backup");
        assertThat(BackupCommand.run(args("backup", "--to", backup.toString(), "--govdata.data-dir=" + dataDir,
                "--spring.datasource.url=" + sourceUrl))).isZero();
        Files.writeString(backup.resolve("keys/audit-sm2.pem"), "tampered");
        Path restoredDir = work.resolve("restored-data");
        assertThat(BackupCommand.run(args("restore", "--from", backup.toString(), "--govdata.data-dir=" + restoredDir,
                "--spring.datasource.url=" + emptyRestoreDatabase(),
                "--govdata.audit.signing-key=" + restoredDir.resolve("keys/audit-sm2.pem"),
                "--govdata.share.subscription.secret-key=" + restoredDir.resolve("keys/subscription.key"))))
                .isEqualTo(1);
        assertThat(restoredDir).doesNotExist();
        assertThat(BackupCommand.run(args("backup", "--to", backup.toString(), "--spring.datasource.url=" + sourceUrl)))
                .as("a backup never writes into a folder that is not empty").isEqualTo(1);
    }

    private static String[] args(String verb, String option, String folder, String... settings) {
        List<String> args = new ArrayList<>(List.of(verb, option, folder, "--spring.profiles.active=test"));
        args.addAll(List.of(settings));
        return args.toArray(String[]::new);
    }

    /**
     * An empty database to restore into: a new in-memory H2 database, or on PostgreSQL the database
     * {@code govdata_restore} beside the test database (.ci/run creates it), emptied first.
     */
    private String emptyRestoreDatabase() throws SQLException {
        if (sourceUrl.startsWith("jdbc:h2:")) {
            return "jdbc:h2:mem:restore-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        }
        String url = sourceUrl.replaceFirst("/[^/?]+(\\?|$)", "/govdata_restore$1");
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        } catch (SQLException e) {
            assumeTrue(System.getenv("CI") == null, "CI prepares the database govdata_restore: " + e.getMessage());
            assumeTrue(false, "no database govdata_restore to restore into: " + e.getMessage());
        }
        return url;
    }
}

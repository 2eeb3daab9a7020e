package cn.govdata.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's own tools, pg_dump and pg_restore (of the server's major version, on the PATH or in
 * {@code govdata.backup.postgresql-bin}): the dump reads the snapshot this connection exports, so the backup is one
 * consistent moment of a running platform; the restore runs in a single transaction, all or nothing.
 */
class PostgresDump {

    private final BackupSettings settings;

    PostgresDump(BackupSettings settings) {
        this.settings = settings;
    }

    void dump(Connection connection, Path file) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
            String snapshot;
            try (ResultSet rs = statement.executeQuery("select pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            run(List.of(settings.postgresProgram("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                    "--snapshot=" + snapshot, "--file=" + file, "--dbname=" + target(connection)));
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    void restore(Connection connection, Path file) throws SQLException {
        run(List.of(settings.postgresProgram("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
                "--single-transaction", "--dbname=" + target(connection), file.toString()));
    }

    /** The connection's database as a libpq URI (the password goes by environment, never on the command line). */
    private String target(Connection connection) throws SQLException {
        URI jdbc = URI.create(connection.getMetaData().getURL().substring("jdbc:".length()));
        String user = settings.databaseUser().isBlank() ? connection.getMetaData().getUserName() : settings.databaseUser();
        String host = jdbc.getHost() == null ? "localhost" : jdbc.getHost();
        int port = jdbc.getPort() < 0 ? 5432 : jdbc.getPort();
        return "postgresql://" + encode(user) + "@" + host + ":" + port + jdbc.getRawPath();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (!settings.databasePassword().isBlank()) {
            builder.environment().put("PGPASSWORD", settings.databasePassword());
        }
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
                throw new BackupException(command.get(0) + " failed" + (output.isEmpty() ? "" : ": " + output));
            }
        } catch (IOException e) {
            throw new BackupException(command.get(0) + " could not be started (install PostgreSQL's client tools of the "
                    + "server's version, or set govdata.backup.postgresql-bin): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(command.get(0) + " was interrupted", e);
        }
    }
}

package cn.govdata.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Takes and restores a backup folder:
 * <pre>
 *   manifest.json          written last: what the backup holds, each file's size and SHA-256
 *   database.dump          PostgreSQL: pg_dump's custom format, taken in one exported snapshot
 *   database.sql.zip       H2: the database's SQL script (schema and data)
 *   keys/                  the audit signing key, the subscriptions', peers' and lake's keys, the decision signing key
 *   files/                 stored files (share/attachments, share/objections, lake/rejected, lake/held, org/documents)
 * </pre>
 * The database is taken first and the files after it, so every file a backed-up row names is in the backup (a file
 * is stored before the row that names it commits); a file stored meanwhile is merely extra. A restore checks the
 * whole folder against its manifest and refuses a non-empty database or data directory before it changes anything.
 */
class Backups {

    static final String MANIFEST = "manifest.json";
    private static final String H2_SCRIPT = "database.sql.zip";
    private static final String PG_DUMP = "database.dump";

    /** What a backup or restore did. */
    record Summary(String verb, Path folder, String database, int keys, int files, long bytes) {

        @Override
        public String toString() {
            return "{\"" + verb + "\":\"" + folder + "\",\"database\":\"" + database + "\",\"keys\":" + keys
                    + ",\"files\":" + files + ",\"bytes\":" + bytes + "}";
        }
    }

    /** The manifest's content. */
    record Manifest(int format, OffsetDateTime takenAt, String database, Map<String, FileEntry> files) {
    }

    record FileEntry(long size, String sha256) {
    }

    private final DataSource dataSource;
    private final BackupSettings settings;
    private final PostgresDump postgres;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    Backups(DataSource dataSource, BackupSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.postgres = new PostgresDump(settings);
    }

    // --- backup -------------------------------------------------------------------------------------------------

    Summary backup(Path folder) {
        prepareEmpty(folder);
        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = kind(connection);
            if ("PostgreSQL".equals(database)) {
                postgres.dump(connection, folder.resolve(PG_DUMP));
            } else {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SCRIPT TO '" + sqlText(folder.resolve(H2_SCRIPT)) + "' COMPRESSION ZIP");
                }
            }
        } catch (SQLException e) {
            throw new BackupException("the database could not be read: " + e.getMessage(), e);
        }
        int keys = 0;
        for (BackupSettings.Key key : settings.keys()) {
            if (Files.isRegularFile(key.location())) {
                copy(key.location(), folder.resolve("keys").resolve(key.name()));
                keys++;
            }
        }
        for (Path relative : settings.fileFolders()) {
            copyTree(settings.dataDir().resolve(relative), folder.resolve("files").resolve(relative));
        }
        Map<String, FileEntry> files = inventory(folder);
        write(folder.resolve(MANIFEST), new Manifest(1, OffsetDateTime.now(ZoneOffset.UTC), database, files));
        return summary("backup", folder, database, files);
    }

    // --- restore ------------------------------------------------------------------------------------------------

    Summary restore(Path folder) {
        Manifest manifest = readManifest(folder);
        Map<String, FileEntry> actual = inventory(folder);
        actual.remove(MANIFEST);
        if (!actual.equals(manifest.files())) {
            throw new BackupException("the folder does not hold what its manifest lists (a file missing, added or "
                    + "changed); nothing was restored");
        }
        for (BackupSettings.Key key : settings.keys()) {
            if (Files.exists(key.location())) {
                throw new BackupException("a key already exists at " + key.location() + "; restore into an empty data "
                        + "directory (nothing was restored)");
            }
        }
        for (Path relative : settings.fileFolders()) {
            if (!isEmptyOrAbsent(settings.dataDir().resolve(relative))) {
                throw new BackupException(settings.dataDir().resolve(relative) + " is not empty; restore into an empty "
                        + "data directory (nothing was restored)");
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            String database = kind(connection);
            if (!database.equals(manifest.database())) {
                throw new BackupException("the backup is of a " + manifest.database() + " database, the configured one is "
                        + database + " (nothing was restored)");
            }
            List<String> tables = tables(connection);
            if (!tables.isEmpty()) {
                throw new BackupException("the database is not empty (" + tables.size() + " tables, e.g. "
                        + tables.get(0) + "); restore into an empty database (nothing was restored)");
            }
            if ("PostgreSQL".equals(database)) {
                postgres.restore(connection, folder.resolve(PG_DUMP));
            } else {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("RUNSCRIPT FROM '" + sqlText(folder.resolve(H2_SCRIPT)) + "' COMPRESSION ZIP");
                }
            }
        } catch (SQLException e) {
            throw new BackupException("the database could not be restored: " + e.getMessage(), e);
        }
        for (BackupSettings.Key key : settings.keys()) {
            Path saved = folder.resolve("keys").resolve(key.name());
            if (Files.isRegularFile(saved)) {
                copy(saved, key.location());
                ownerOnly(key.location());
            }
        }
        for (Path relative : settings.fileFolders()) {
            copyTree(folder.resolve("files").resolve(relative), settings.dataDir().resolve(relative));
        }
        return summary("restore", folder, manifest.database(), manifest.files());
    }

    // --- parts --------------------------------------------------------------------------------------------------

    private static String kind(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (product.startsWith("PostgreSQL")) {
            return "PostgreSQL";
        }
        if (product.startsWith("H2")) {
            return "H2";
        }
        throw new BackupException("backups support PostgreSQL and H2, not " + product);
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] { "TABLE" })) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static void prepareEmpty(Path folder) {
        if (!isEmptyOrAbsent(folder)) {
            throw new BackupException(folder + " is not empty; give a new or empty folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BackupException("the folder " + folder + " could not be created: " + e.getMessage(), e);
        }
    }

    private static boolean isEmptyOrAbsent(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new BackupException("could not copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                copy(path, to.resolve(from.relativize(path).toString()));
            }
        } catch (IOException e) {
            throw new BackupException("could not read " + from + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the operator secures the key as the documentation says
        }
    }

    /** Every file under the folder (but the manifest) by its path relative to it, with size and SHA-256. */
    private static Map<String, FileEntry> inventory(Path folder) {
        Map<String, FileEntry> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                String name = folder.relativize(path).toString().replace('\\', '/');
                if (!name.equals(MANIFEST)) {
                    files.put(name, new FileEntry(Files.size(path), sha256(path)));
                }
            }
        } catch (IOException e) {
            throw new BackupException("could not read " + folder + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Path file, Manifest manifest) {
        try {
            Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        } catch (IOException e) {
            throw new BackupException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private Manifest readManifest(Path folder) {
        Path file = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new BackupException(folder + " holds no " + MANIFEST + ": not a complete backup");
        }
        try {
            return json.readValue(file.toFile(), Manifest.class);
        } catch (RuntimeException e) {
            throw new BackupException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Summary summary(String verb, Path folder, String database, Map<String, FileEntry> files) {
        int keys = (int) files.keySet().stream().filter(name -> name.startsWith("keys/")).count();
        int stored = (int) files.keySet().stream().filter(name -> name.startsWith("files/")).count();
        long bytes = files.values().stream().mapToLong(FileEntry::size).sum();
        return new Summary(verb, folder, database, keys, stored, bytes);
    }

    /** A path as an SQL string literal's content. */
    private static String sqlText(Path path) {
        return path.toString().replace("'", "''");
    }
}

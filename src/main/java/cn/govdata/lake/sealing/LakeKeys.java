package cn.govdata.lake.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keys that seal the lake's personal information, in a file beside the database (by default
 * {@code ${govdata.data-dir}/keys/lake-sm4.keys}, made at the first start), so that a copy of the database alone
 * reveals none of it. The file holds one lookup key (HMAC-SM3, for record keys; it never rotates, see
 * {@code docs/security.md}) and numbered key versions, each an SM4 key and an HMAC-SM3 key; the highest version
 * seals new values, every version listed still opens the values sealed under it. A rotation adds a version; a
 * version is removed only when no row uses it any more. Lines: {@code lookup=<Base64>} and
 * {@code <version>=<Base64 of the 16-byte SM4 key and the 32-byte MAC key>}.
 */
@Component
public class LakeKeys {

    static final int SM4_BYTES = 16;
    static final int MAC_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One version of the sealing keys. */
    public record Version(int number, byte[] sm4, byte[] mac) {
    }

    private final Path file;
    private final boolean inMemory;
    private volatile Loaded loaded;
    /** When the file was last looked at, and its time then: another node's rotation is seen within seconds. */
    private volatile long checkedAt;
    private volatile java.nio.file.attribute.FileTime modified;

    private record Loaded(byte[] lookup, TreeMap<Integer, Version> versions) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    LakeKeys(@Value("${govdata.lake.sealing.key-file:${govdata.data-dir}/keys/lake-sm4.keys}") String file) {
        this.file = Path.of(file);
        this.inMemory = false;
    }

    private LakeKeys() {
        this.file = Path.of("lake-sm4.keys");
        this.inMemory = true;
    }

    /** Keys for a unit test, kept in memory only. */
    static LakeKeys inMemory(byte[] lookup, List<Version> versions) {
        LakeKeys keys = new LakeKeys();
        TreeMap<Integer, Version> byNumber = new TreeMap<>();
        versions.forEach(v -> byNumber.put(v.number(), v));
        keys.loaded = new Loaded(lookup, byNumber);
        return keys;
    }

    public Path file() {
        return file;
    }

    /** The version that seals new values. */
    public Version active() {
        return load().versions().lastEntry().getValue();
    }

    /** Every version that still opens values, oldest first. */
    public List<Version> live() {
        return List.copyOf(load().versions().values());
    }

    /** The version of this number, if the file still holds it. */
    public java.util.Optional<Version> version(int number) {
        return java.util.Optional.ofNullable(load().versions().get(number));
    }

    /** The key of the keyed digests that stand for personal record keys. */
    byte[] lookup() {
        return load().lookup();
    }

    /** Adds a new version, which seals from now on; returns it. */
    public synchronized Version rotate() {
        Loaded current = load();
        TreeMap<Integer, Version> versions = new TreeMap<>(current.versions());
        Version added = fresh(versions.lastKey() + 1);
        versions.put(added.number(), added);
        write(new Loaded(current.lookup(), versions));
        return added;
    }

    /** Removes a version no row uses any more; the active version is never removed. */
    public synchronized void retire(int number) {
        Loaded current = load();
        if (number == current.versions().lastKey()) {
            throw new IllegalStateException("the active lake key version " + number + " cannot be retired");
        }
        TreeMap<Integer, Version> versions = new TreeMap<>(current.versions());
        if (versions.remove(number) != null) {
            write(new Loaded(current.lookup(), versions));
        }
    }

    private Loaded load() {
        Loaded known = loaded;
        if (known != null && (inMemory || System.nanoTime() - checkedAt < RECHECK_NANOS)) {
            return known;
        }
        synchronized (this) {
            if (loaded == null || changedOnDisk()) {
                loaded = readOrCreate();
            }
            return loaded;
        }
    }

    private static final long RECHECK_NANOS = 2_000_000_000L;

    private boolean changedOnDisk() {
        checkedAt = System.nanoTime();
        try {
            java.nio.file.attribute.FileTime now = Files.getLastModifiedTime(file);
            boolean changed = !now.equals(modified);
            modified = now;
            return changed;
        } catch (IOException e) {
            return false;  // keep the keys in memory; the next read of the file says what is wrong
        }
    }

    private Loaded readOrCreate() {
        try {
            if (!Files.exists(file)) {
                byte[] lookup = new byte[MAC_BYTES];
                RANDOM.nextBytes(lookup);
                TreeMap<Integer, Version> versions = new TreeMap<>();
                versions.put(1, fresh(1));
                Loaded created = new Loaded(lookup, versions);
                if (writeNew(created)) {
                    return created;
                }
                // another node or context sharing the directory was quicker: read its keys
            }
            return parse(Files.readAllLines(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the lake key file " + file, e);
        }
    }

    private Loaded parse(List<String> lines) {
        byte[] lookup = null;
        TreeMap<Integer, Version> versions = new TreeMap<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw malformed();
            }
            String name = text.substring(0, equals).strip();
            byte[] value = Base64.getDecoder().decode(text.substring(equals + 1).strip());
            if (name.equals("lookup")) {
                lookup = value;
            } else {
                if (value.length != SM4_BYTES + MAC_BYTES || !name.matches("[1-9][0-9]{0,8}")) {
                    throw malformed();
                }
                int number = Integer.parseInt(name);
                versions.put(number, new Version(number, java.util.Arrays.copyOf(value, SM4_BYTES),
                        java.util.Arrays.copyOfRange(value, SM4_BYTES, value.length)));
            }
        }
        if (lookup == null || lookup.length != MAC_BYTES || versions.isEmpty()) {
            throw malformed();
        }
        return new Loaded(lookup, versions);
    }

    private IllegalStateException malformed() {
        return new IllegalStateException("The lake key file " + file + " is malformed: it must hold a lookup key and at"
                + " least one key version. Restore it from the backup.");
    }

    private static Version fresh(int number) {
        byte[] sm4 = new byte[SM4_BYTES];
        byte[] mac = new byte[MAC_BYTES];
        RANDOM.nextBytes(sm4);
        RANDOM.nextBytes(mac);
        return new Version(number, sm4, mac);
    }

    private static String text(Loaded keys) {
        Base64.Encoder base64 = Base64.getEncoder();
        StringBuilder text = new StringBuilder("# govdata lake sealing keys (docs/security.md); keep with the backup\n");
        text.append("lookup=").append(base64.encodeToString(keys.lookup())).append('\n');
        for (Map.Entry<Integer, Version> entry : keys.versions().entrySet()) {
            byte[] both = java.util.Arrays.copyOf(entry.getValue().sm4(), SM4_BYTES + MAC_BYTES);
            System.arraycopy(entry.getValue().mac(), 0, both, SM4_BYTES, MAC_BYTES);
            text.append(entry.getKey()).append('=').append(base64.encodeToString(both)).append('\n');
        }
        return text.toString();
    }

    /** Writes the keys beside the file, then moves them into place: no reader sees a half-written file. */
    private Path written(Loaded keys) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path written;
        try {
            written = Files.createTempFile(directory, "lake-keys", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            written = Files.createTempFile(directory, "lake-keys", ".tmp");
        }
        Files.writeString(written, text(keys), StandardCharsets.US_ASCII);
        return written;
    }

    private boolean writeNew(Loaded keys) throws IOException {
        Path written = written(keys);
        try {
            Files.move(written, file);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException createdMeanwhile) {
            Files.deleteIfExists(written);
            return false;
        }
    }

    private void write(Loaded keys) {
        if (inMemory) {
            loaded = keys;
            return;
        }
        try {
            Files.move(written(keys), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            loaded = keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the lake key file " + file, e);
        }
    }

    /** The version numbers, for the rotation's report. */
    public List<Integer> versionNumbers() {
        return new ArrayList<>(load().versions().keySet());
    }
}

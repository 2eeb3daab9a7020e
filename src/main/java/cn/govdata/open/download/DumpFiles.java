package cn.govdata.open.download;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.govdata.open.release.OpenedDatasetChanged;
import cn.govdata.open.release.OpenedDatasets;

/**
 * Whole-dataset dumps open to anyone, kept as the files they were: the first download of a dataset in a state
 * (its fingerprint from the desensitisation gate: the last batch applied, the fields and their rules) is written to
 * a file as it streams to its reader, and later downloads of the same state are that file, read at the disk's
 * speed instead of opening and masking every record again. A new batch, rule or field gives a new fingerprint, so
 * a stale file is never served; the entry's older files are deleted when a newer one is kept, and all of them when
 * the dataset is withdrawn. Only files that identify no one are kept (a grantee's dump carries its own watermark).
 * Each node keeps its own under {@code <data-dir>/open/dumps}; a file is kept only once the whole dump was written.
 */
@Component
class DumpFiles {

    private static final Logger log = LoggerFactory.getLogger(DumpFiles.class);

    private final Path root;
    private final boolean enabled;
    private final OpenedDatasets datasets;

    DumpFiles(@Value("${govdata.data-dir}") String dataDir,
            @Value("${govdata.open.dump-files.enabled:true}") boolean enabled, OpenedDatasets datasets) {
        this.root = Path.of(dataDir, "open", "dumps");
        this.enabled = enabled;
        this.datasets = datasets;
    }

    /** A kept dump, open for reading (so that a newer state's file may replace it meanwhile), and its size. */
    record Kept(InputStream content, long size) {
    }

    /** The kept file of the entry's dump in this state and variant (format, with or without a BOM), if there is one. */
    Optional<Kept> find(long entryId, String fingerprint, String variant) {
        if (!enabled) {
            return Optional.empty();
        }
        Path file = directory(entryId).resolve(name(fingerprint, variant));
        try {
            InputStream content = Files.newInputStream(file);
            return Optional.of(new Kept(content, Files.size(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("cannot read the kept dump {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** A file to write the dump to as it streams, or nothing when files are not kept. */
    Optional<Keeping> keep(long entryId, String fingerprint, String variant) {
        if (!enabled) {
            return Optional.empty();
        }
        try {
            Path directory = Files.createDirectories(directory(entryId));
            Path partial = directory.resolve("." + UUID.randomUUID() + ".partial");
            return Optional.of(new Keeping(directory, partial, name(fingerprint, variant),
                    new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)));
        } catch (IOException e) {
            log.warn("cannot keep the dump of entry {}: {}", entryId, e.toString());
            return Optional.empty();
        }
    }

    /** A dataset withdrawn (or no longer shown) has its kept dumps deleted here once the change commits. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChanged(OpenedDatasetChanged changed) {
        datasets.byId(changed.id()).filter(dataset -> !dataset.active()).ifPresent(dataset -> {
            Path directory = directory(dataset.entryId());
            if (Files.isDirectory(directory)) {
                try {
                    deleteAll(directory, "*", null);
                    Files.deleteIfExists(directory);
                } catch (IOException e) {
                    log.warn("cannot delete the kept dumps of entry {}: {}", dataset.entryId(), e.toString());
                }
            }
        });
    }

    /** Deletes the directory's files matching the glob, but the one named {@code spared} (null: none spared). */
    private static void deleteAll(Path directory, String glob, String spared) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, glob)) {
            for (Path file : files) {
                if (!file.getFileName().toString().equals(spared)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Path directory(long entryId) {
        return root.resolve(Long.toString(entryId));
    }

    private static String name(String fingerprint, String variant) {
        if (!fingerprint.matches("[0-9a-f]{16,128}") || !variant.matches("[a-z0-9-]{1,16}")) {
            throw new IllegalArgumentException("not a dump file name: " + fingerprint + "." + variant);
        }
        return fingerprint + "." + variant;
    }

    /**
     * A dump being written: kept when the whole dump was written, deleted otherwise. The file's troubles (a full
     * disk) are its own: the reader's download goes on, and nothing is kept.
     */
    static final class Keeping {

        private final Path directory;
        private final Path partial;
        private final String name;
        private final OutputStream file;
        private boolean failed;

        private Keeping(Path directory, Path partial, String name, OutputStream file) {
            this.directory = directory;
            this.partial = partial;
            this.name = name;
            this.file = file;
        }

        /** What to write the dump to besides the reader's response. */
        OutputStream stream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] { (byte) b }, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    if (failed) {
                        return;
                    }
                    try {
                        file.write(bytes, offset, length);
                    } catch (IOException e) {
                        failed = true;
                        log.warn("cannot write the dump file {}: {}", partial, e.toString());
                    }
                }
            };
        }

        /** Keeps the file under its name and deletes the entry's files of older states in the same variant. */
        void kept() {
            if (failed) {
                abandoned();
                return;
            }
            try {
                file.close();
                Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                deleteAll(directory, "*" + name.substring(name.indexOf('.')), name);
            } catch (IOException e) {
                log.warn("cannot keep the dump file {}: {}", partial, e.toString());
                abandoned();
            }
        }

        /** The dump did not finish (the reader went away, the read failed): nothing is kept. */
        void abandoned() {
            try {
                file.close();
            } catch (IOException ignored) {
                // deleted below either way
            }
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                log.warn("cannot delete a partial dump file {}: {}", partial, e.toString());
            }
        }
    }
}

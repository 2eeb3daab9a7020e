package cn.govdata.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Files people send as documents — a share application's materials, an objection's evidence, a document of
 * appointment — in a directory under the data directory: PDF, OFD, JPEG or PNG recognised by their first bytes and
 * agreeing with the file name's extension and the declared type, at most a size the owner sets. A file stored in a
 * transaction that rolls back is deleted; one removed is deleted once the removal commits. Served to the parties with the stored type,
 * {@code X-Content-Type-Options: nosniff} and an RFC 5987 file name ({@link #serve}).
 */
public class StoredFiles {

    /** A kind of file taken, by its first bytes, its file name extensions and its media type. */
    public enum FileKind {
        PDF("application/pdf", List.of("pdf"), new byte[] { '%', 'P', 'D', 'F', '-' }),
        PNG("image/png", List.of("png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }),
        JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }),
        /** GB/T 33190 OFD: a ZIP package; the extension tells it from other ZIP files. */
        OFD("application/ofd", List.of("ofd"), new byte[] { 'P', 'K', 3, 4 });

        private final String mediaType;
        private final List<String> extensions;
        private final byte[] magic;

        FileKind(String mediaType, List<String> extensions, byte[] magic) {
            this.mediaType = mediaType;
            this.extensions = extensions;
            this.magic = magic;
        }

        public String mediaType() {
            return mediaType;
        }

        static FileKind of(byte[] head, String extension) {
            for (FileKind kind : values()) {
                if (head.length >= kind.magic.length
                        && Arrays.equals(Arrays.copyOf(head, kind.magic.length), kind.magic)
                        && kind.extensions.contains(extension)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** A stored file: its kind, clean name, size, SHA-256 and the name it is stored under. */
    public record Stored(FileKind kind, String fileName, long size, String sha256, String storageName) {
    }

    private final long maxBytes;
    private final Path directory;
    private final String fallbackName;

    /**
     * @param maxBytes the largest file taken
     * @param fallbackName the name of a file sent without one
     */
    public StoredFiles(long maxBytes, Path directory, String fallbackName) {
        this.maxBytes = maxBytes;
        this.directory = directory;
        this.fallbackName = fallbackName;
    }

    /** Checks and stores a file inside the caller's transaction. */
    public Stored store(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("file"));
        }
        if (file.getSize() > maxBytes) {
            throw tooLarge();
        }
        String fileName = fileName(file.getOriginalFilename());
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        FileKind kind;
        try (InputStream in = file.getInputStream()) {
            kind = FileKind.of(in.readNBytes(8), extension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String declared = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT).strip();
        if (kind == null || !(declared.isEmpty() || declared.startsWith("application/octet-stream")
                || declared.startsWith(kind.mediaType()))) {
            throw new DomainException(ProblemCode.ATTACHMENT_TYPE_REFUSED);
        }
        String storageName = UUID.randomUUID().toString();
        Path target = directory.resolve(storageName);
        long size;
        String sha256;
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), digest)) {
                size = Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (size > maxBytes) {
            delete(target);
            throw tooLarge();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        delete(target);
                    }
                }
            });
        }
        return new Stored(kind, fileName, size, sha256, storageName);
    }

    public Path file(String storageName) {
        return directory.resolve(storageName);
    }

    /** Deletes a stored file once the caller's transaction commits (a removal that rolls back keeps it). */
    public void deleteAfterCommit(String storageName) {
        Path file = directory.resolve(storageName);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delete(file);
            }
        });
    }

    /**
     * Sends a stored file to a party: with its stored type (never sniffed by the browser) as an attachment named as
     * it was sent (RFC 5987, so that a Chinese name arrives whole).
     */
    public static void serve(Path file, String contentType, String fileName, HttpServletResponse response)
            throws IOException {
        response.setContentType(contentType);
        response.setContentLengthLong(Files.size(file));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        Files.copy(file, response.getOutputStream());
        response.flushBuffer();
    }

    private DomainException tooLarge() {
        return new DomainException(ProblemCode.ATTACHMENT_TOO_LARGE, maxBytes / (1024 * 1024));
    }

    /** The file's own name without any path or control characters, at most 200 characters. */
    private String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? fallbackName : name;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an orphaned file is harmless; nothing refers to it
        }
    }
}

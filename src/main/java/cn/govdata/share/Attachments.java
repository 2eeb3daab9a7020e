package cn.govdata.share;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.share.ShareApplications.Application;
import cn.govdata.share.ShareApplications.Material;
import cn.govdata.share.ShareApplications.Status;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * The materials an applicant attaches to its application (CAT-8, AB26), stored under
 * {@code <data-dir>/share/attachments}. Only PDF, OFD, JPEG and PNG files are taken, recognised by their
 * content and agreeing with their name and declared type; the size is limited. Attachments are listed and
 * downloaded by the parties to the application only (404 for anyone else); each download is audited.
 */
@Service
class Attachments {

    /** A kind of file taken, by its first bytes, its file name extensions and its media type. */
    enum FileKind {
        PDF("application/pdf", List.of("pdf"), new byte[] { '%', 'P', 'D', 'F', '-' }),
        PNG("image/png", List.of("png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }),
        JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }),
        /** GB/T 33190 OFD: a ZIP package; the extension tells it from other ZIP files. */
        OFD("application/ofd", List.of("ofd"), new byte[] { 'P', 'K', 3, 4 });

        final String mediaType;
        final List<String> extensions;
        final byte[] magic;

        FileKind(String mediaType, List<String> extensions, byte[] magic) {
            this.mediaType = mediaType;
            this.extensions = extensions;
            this.magic = magic;
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

    record Attachment(long id, long applicationId, String material, String fileName, String contentType,
            long size, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
    }

    /** A stored file ready to be streamed. */
    record Download(Attachment attachment, Path file) {
    }

    private final JdbcClient jdbc;
    private final ShareApplications applications;
    private final AuditLog audit;
    private final ShareSettings settings;
    private final Path directory;

    Attachments(JdbcClient jdbc, ShareApplications applications, AuditLog audit, ShareSettings settings,
            @Value("${govdata.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.audit = audit;
        this.settings = settings;
        this.directory = Path.of(dataDir, "share", "attachments");
    }

    /**
     * Attaches a file for one of the materials the entry asks for, named by its text or its position (0 …), to
     * a draft of the caller's department.
     */
    @Transactional
    Attachment add(Actor actor, long applicationId, String material, MultipartFile file) {
        Application application = applications.applicantsOwn(actor, applicationId);
        ShareApplications.requireStatus(application, "attach", Status.DRAFT);
        String materialName = material(application, material);
        if (file == null || file.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("file"));
        }
        if (file.getSize() > settings.attachmentMaxBytes()) {
            throw new DomainException(ProblemCode.ATTACHMENT_TOO_LARGE, settings.attachmentMaxBytes() / (1024 * 1024));
        }
        int count = jdbc.sql("select count(*) from share_attachment where application_id = ?").param(applicationId)
                .query(Integer.class).single();
        if (count >= settings.maxAttachments()) {
            throw new DomainException(ProblemCode.TOO_MANY_ATTACHMENTS, settings.maxAttachments());
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
                || declared.startsWith(kind.mediaType))) {
            throw new DomainException(ProblemCode.ATTACHMENT_TYPE_REFUSED);
        }
        String storageName = UUID.randomUUID().toString();
        Path target = directory.resolve(storageName);
        String sha256;
        long size;
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
        if (size > settings.attachmentMaxBytes()) {
            delete(target);
            throw new DomainException(ProblemCode.ATTACHMENT_TOO_LARGE, settings.attachmentMaxBytes() / (1024 * 1024));
        }
        // the file goes with the row: if the transaction rolls back, the file is removed
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    delete(target);
                }
            }
        });
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into share_attachment (application_id, material, file_name, content_type, size_bytes, sha256,
                    storage_name, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, materialName, fileName, kind.mediaType, size, sha256, storageName, actor.name(),
                        ShareClock.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success("share.attachment.add", "share-application", applicationId,
                "attachment " + id + " for " + materialName + ": " + kind + ", " + size + " bytes, SHA-256 " + sha256));
        return find(id);
    }

    /** The attachments of an application, for its parties. */
    List<Attachment> list(Actor actor, long applicationId) {
        applications.visible(actor, applicationId);
        return jdbc.sql(SELECT + " where application_id = ? order by id").param(applicationId).query(Attachment.class)
                .list();
    }

    /** One attachment's file, for the parties to the application; the reading is audited. */
    Download download(Actor actor, long applicationId, long attachmentId) {
        applications.visible(actor, applicationId);
        Attachment attachment = jdbc.sql(SELECT + " where application_id = ? and id = ?")
                .params(applicationId, attachmentId).query(Attachment.class).optional()
                .orElseThrow(() -> DomainException.notFound("attachment", attachmentId));
        String storage = jdbc.sql("select storage_name from share_attachment where id = ?").param(attachmentId)
                .query(String.class).single();
        audit.record(AuditEvent.success("share.attachment.read", "share-application", applicationId,
                "attachment " + attachmentId + " (" + attachment.material() + ")"));
        return new Download(attachment, directory.resolve(storage));
    }

    /** Removes an attachment from a draft. */
    @Transactional
    void remove(Actor actor, long applicationId, long attachmentId) {
        Application application = applications.applicantsOwn(actor, applicationId);
        ShareApplications.requireStatus(application, "attach", Status.DRAFT);
        String storage = jdbc.sql("select storage_name from share_attachment where application_id = ? and id = ?")
                .params(applicationId, attachmentId).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound("attachment", attachmentId));
        jdbc.sql("delete from share_attachment where id = ?").param(attachmentId).update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delete(directory.resolve(storage));
            }
        });
        audit.record(AuditEvent.success("share.attachment.remove", "share-application", applicationId,
                "attachment " + attachmentId));
    }

    static void copy(Path file, OutputStream out) throws IOException {
        Files.copy(file, out);
    }

    private static String material(Application application, String material) {
        List<String> names = application.materials().stream().map(Material::name).toList();
        String wanted = material == null ? "" : material.strip();
        if (names.contains(wanted)) {
            return wanted;
        }
        if (wanted.matches("\\d{1,3}") && Integer.parseInt(wanted) < names.size()) {
            return names.get(Integer.parseInt(wanted));
        }
        if (wanted.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("material"));
        }
        throw new DomainException(ProblemCode.UNKNOWN_MATERIAL, wanted, String.join("；", names));
    }

    /** The file's own name without any path or control characters, at most 200 characters. */
    private static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "attachment" : name;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an orphaned file is harmless; nothing refers to it
        }
    }

    private Attachment find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Attachment.class).single();
    }

    private static final String SELECT = """
            select id, application_id, material, file_name, content_type, size_bytes as size, sha256, uploaded_by,
                uploaded_at from share_attachment""";
}

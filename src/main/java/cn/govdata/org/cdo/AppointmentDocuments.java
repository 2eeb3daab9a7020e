package cn.govdata.org.cdo;

import java.io.IOException;
import java.io.InputStream;
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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.ChiefDataOfficers;
import cn.govdata.org.OrgAuditAction;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * Documents of appointment (任命文件) of a chief data officer or a working-group member, and the document sent
 * with a yearly summary: PDF, JPEG or PNG recognised by their first bytes and agreeing with the file name's
 * extension and the declared type, at most {@code govdata.org.document-max-bytes}, stored under
 * {@code <data-dir>/org/documents} (a file stored in a transaction that rolls back is deleted). Read by the
 * department and the data authority; every reading audited.
 */
@Service
class AppointmentDocuments {

    static final int MAX_PER_OWNER = 5;

    /** What a document belongs to: a term of office, a member's appointment, or a filing. */
    enum Owner { OFFICER, MEMBER, FILING }

    record Document(long id, String fileName, String contentType, long sizeBytes, String sha256, String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    /** A stored document ready to be streamed. */
    record Download(Document document, Path file) {
    }

    /** Where an owner sits: its region and department (none for the region's own office). */
    private record Place(long regionId, Long departmentId) {
    }

    private enum Kind {
        PDF("application/pdf", List.of("pdf"), new byte[] { '%', 'P', 'D', 'F', '-' }),
        PNG("image/png", List.of("png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }),
        JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff });

        private final String mediaType;
        private final List<String> extensions;
        private final byte[] magic;

        Kind(String mediaType, List<String> extensions, byte[] magic) {
            this.mediaType = mediaType;
            this.extensions = extensions;
            this.magic = magic;
        }

        static Kind of(byte[] head, String extension) {
            return Arrays.stream(values()).filter(kind -> head.length >= kind.magic.length
                    && Arrays.equals(Arrays.copyOf(head, kind.magic.length), kind.magic)
                    && kind.extensions.contains(extension)).findFirst().orElse(null);
        }
    }

    private final JdbcClient jdbc;
    private final ChiefDataOfficers officers;
    private final AuditLog audit;
    private final Path directory;
    private final long maxBytes;

    AppointmentDocuments(JdbcClient jdbc, ChiefDataOfficers officers, AuditLog audit,
            @Value("${govdata.data-dir}") String dataDir,
            @Value("${govdata.org.document-max-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.officers = officers;
        this.audit = audit;
        this.directory = Path.of(dataDir, "org", "documents");
        this.maxBytes = maxBytes;
    }

    List<Document> of(Owner owner, long ownerId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from org_appointment_document where owner_kind = ? and owner_id = ? order by id""")
                .params(owner.name(), ownerId).query(Document.class).list();
    }

    /** A document of an officer's or a member's appointment, by those who appoint to the office. */
    @Transactional
    Document addToAppointment(Actor actor, Owner owner, long ownerId, MultipartFile file) {
        if (owner == Owner.FILING) {
            throw new IllegalArgumentException("a filing's document is sent by who reports it");
        }
        Place place = place(owner, ownerId);
        CdoAccess.require(officers.mayAppoint(actor, place.regionId(), place.departmentId()));
        return store(actor, owner, ownerId, file);
    }

    /** Checks and stores a file in the caller's transaction; the caller has checked that the actor may. */
    Document store(Actor actor, Owner owner, long ownerId, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("file"));
        }
        if (of(owner, ownerId).size() >= MAX_PER_OWNER) {
            throw new DomainException(ProblemCode.TOO_MANY_ATTACHMENTS, MAX_PER_OWNER);
        }
        if (file.getSize() > maxBytes) {
            throw tooLarge();
        }
        String fileName = fileName(file.getOriginalFilename());
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        Kind kind;
        try (InputStream in = file.getInputStream()) {
            kind = Kind.of(in.readNBytes(8), extension);
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
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into org_appointment_document (owner_kind, owner_id, file_name, content_type, size_bytes, sha256,
                    storage_name, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(owner.name(), ownerId, fileName, kind.mediaType, size, sha256, storageName, actor.name(),
                        ChangeFilings.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(OrgAuditAction.APPOINTMENT_DOCUMENT_ADD, "appointment-document", id,
                owner + " " + ownerId + ": " + kind + ", " + size + " bytes, SHA-256 " + sha256));
        return of(owner, ownerId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    /** A document for the department and the data authority; the reading is audited. */
    Download download(Actor actor, long id) {
        record Row(String ownerKind, long ownerId, String storageName) {
        }
        Row row = jdbc.sql("select owner_kind, owner_id, storage_name from org_appointment_document where id = ?")
                .param(id).query(Row.class).optional()
                .orElseThrow(() -> DomainException.notFound("appointment-document", id));
        Owner owner = Owner.valueOf(row.ownerKind());
        if (!sees(actor, place(owner, row.ownerId()))) {
            throw DomainException.notFound("appointment-document", id);
        }
        Document document = of(owner, row.ownerId()).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
        audit.record(AuditEvent.success(OrgAuditAction.APPOINTMENT_DOCUMENT_READ, "appointment-document", id,
                owner + " " + row.ownerId()));
        return new Download(document, directory.resolve(row.storageName()));
    }

    /** The documents of an owner, for the department and the data authority. */
    List<Document> visibleOf(Actor actor, Owner owner, long ownerId) {
        if (!sees(actor, place(owner, ownerId))) {
            throw DomainException.notFound(ownerName(owner), ownerId);
        }
        return of(owner, ownerId);
    }

    private boolean sees(Actor actor, Place place) {
        return actor.regionId() == place.regionId() && (place.departmentId() == null
                || officers.maySeeInside(actor, place.departmentId())
                || CdoAccess.isAuthorityOfficer(actor, place.regionId()));
    }

    private static String ownerName(Owner owner) {
        return switch (owner) {
            case OFFICER -> "chief-data-officer";
            case MEMBER -> "working-group-member";
            case FILING -> "filing";
        };
    }

    private Place place(Owner owner, long ownerId) {
        String table = switch (owner) {
            case OFFICER -> "org_chief_data_officer";
            case MEMBER -> "org_working_group_member";
            case FILING -> "org_change_filing";
        };
        return jdbc.sql("select region_id, department_id from " + table + " where id = ?").param(ownerId)
                .query((rs, n) -> new Place(rs.getLong("region_id"), rs.getObject("department_id", Long.class)))
                .optional().orElseThrow(() -> DomainException.notFound(ownerName(owner), ownerId));
    }

    private DomainException tooLarge() {
        return new DomainException(ProblemCode.ATTACHMENT_TOO_LARGE, maxBytes / (1024 * 1024));
    }

    /** The file's own name without any path or control characters, at most 200 characters. */
    private static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "document" : name;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an orphaned file is harmless; nothing refers to it
        }
    }
}

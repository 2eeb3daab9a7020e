package cn.govdata.org.cdo;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.ChiefDataOfficers;
import cn.govdata.org.OrgAuditAction;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.StoredFiles;

/**
 * Documents of appointment (任命文件) of a chief data officer or a working-group member, and the document sent
 * with a yearly summary: PDF, OFD, JPEG or PNG recognised by their first bytes and agreeing with the file name's
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

    private final JdbcClient jdbc;
    private final ChiefDataOfficers officers;
    private final AuditLog audit;
    private final StoredFiles files;

    AppointmentDocuments(JdbcClient jdbc, ChiefDataOfficers officers, AuditLog audit,
            @Value("${govdata.data-dir}") String dataDir,
            @Value("${govdata.org.document-max-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.officers = officers;
        this.audit = audit;
        this.files = new StoredFiles(maxBytes, Path.of(dataDir, "org", "documents"), "document");
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
        StoredFiles.Stored stored = files.store(file);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into org_appointment_document (owner_kind, owner_id, file_name, content_type, size_bytes, sha256,
                    storage_name, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(owner.name(), ownerId, stored.fileName(), stored.kind().mediaType(), stored.size(),
                        stored.sha256(), stored.storageName(), actor.name(), ChangeFilings.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(OrgAuditAction.APPOINTMENT_DOCUMENT_ADD, "appointment-document", id,
                owner + " " + ownerId + ": " + stored.kind() + ", " + stored.size() + " bytes, SHA-256 "
                        + stored.sha256()));
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
        return new Download(document, files.file(row.storageName()));
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
}

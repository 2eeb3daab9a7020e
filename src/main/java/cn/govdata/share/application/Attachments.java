package cn.govdata.share.application;

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
import cn.govdata.share.application.ShareApplications.Application;
import cn.govdata.share.application.ShareApplications.Material;
import cn.govdata.share.application.ShareApplications.Status;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.ShareClock;
import cn.govdata.share.common.ShareSettings;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.StoredFiles;

/**
 * The materials an applicant attaches to its application (CAT-8, AB26), stored under
 * {@code <data-dir>/share/attachments}. Only PDF, OFD, JPEG and PNG files are taken, recognised by their
 * content and agreeing with their name and declared type; the size is limited. Attachments are listed and
 * downloaded by the parties to the application only (404 for anyone else); each download is audited.
 */
@Service
class Attachments {

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
    private final StoredFiles files;

    Attachments(JdbcClient jdbc, ShareApplications applications, AuditLog audit, ShareSettings settings,
            @Value("${govdata.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.audit = audit;
        this.settings = settings;
        this.files = new StoredFiles(settings.attachmentMaxBytes(), Path.of(dataDir, "share", "attachments"), "attachment");
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
        int count = jdbc.sql("select count(*) from share_attachment where application_id = ?").param(applicationId)
                .query(Integer.class).single();
        if (count >= settings.maxAttachments()) {
            throw new DomainException(ProblemCode.TOO_MANY_ATTACHMENTS, settings.maxAttachments());
        }
        StoredFiles.Stored stored = files.store(file);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into share_attachment (application_id, material, file_name, content_type, size_bytes, sha256,
                    storage_name, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, materialName, stored.fileName(), stored.kind().mediaType(), stored.size(),
                        stored.sha256(), stored.storageName(), actor.name(), ShareClock.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(ShareAuditAction.ATTACHMENT_ADD, "share-application", applicationId,
                "attachment " + id + " for " + materialName + ": " + stored.kind() + ", " + stored.size()
                        + " bytes, SHA-256 " + stored.sha256()));
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
        audit.record(AuditEvent.success(ShareAuditAction.ATTACHMENT_READ, "share-application", applicationId,
                "attachment " + attachmentId + " (" + attachment.material() + ")"));
        return new Download(attachment, files.file(storage));
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
        files.deleteAfterCommit(storage);
        audit.record(AuditEvent.success(ShareAuditAction.ATTACHMENT_REMOVE, "share-application", applicationId,
                "attachment " + attachmentId));
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

    private Attachment find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Attachment.class).single();
    }

    private static final String SELECT = """
            select id, application_id, material, file_name, content_type, size_bytes as size, sha256, uploaded_by,
                uploaded_at from share_attachment""";
}

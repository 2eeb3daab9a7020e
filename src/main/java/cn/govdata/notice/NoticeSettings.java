package cn.govdata.notice;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Where notices go besides the inbox: a user's own e-mail address, and a department's webhook. The webhook is set
 * by the data authority's system administrator only (not by the department), because the platform then calls that
 * address from inside the government network: only the operator decides which addresses it calls.
 */
@Service
class NoticeSettings {

    record Preference(String email, boolean emailEnabled) {
    }

    record Webhook(long departmentId, String url) {
    }

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]{1,64}@[\\w-]{1,63}(\\.[\\w-]{1,63})+");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog audit;

    NoticeSettings(JdbcClient jdbc, Directory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    Preference preference(Actor actor) {
        return preferenceOf(userOf(actor)).orElse(new Preference(null, false));
    }

    Optional<Preference> preferenceOf(long userId) {
        return jdbc.sql("select email, email_enabled from notice_preference where user_id = ?").param(userId)
                .query((rs, row) -> new Preference(rs.getString(1), rs.getBoolean(2))).optional();
    }

    /**
     * Sets the caller's address and whether notices go there too; both are required, and an empty address (with
     * e-mail off) forgets the address.
     */
    @Transactional
    Preference changePreference(Actor actor, String email, Boolean emailEnabled) {
        long userId = userOf(actor);
        if (email == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("email"));
        }
        if (emailEnabled == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("emailEnabled"));
        }
        String address = email.strip();
        if (address.isEmpty() && emailEnabled) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("email"));
        }
        if (!address.isEmpty() && (address.length() > 200 || !EMAIL.matcher(address).matches())) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("email"), address);
        }
        jdbc.sql("delete from notice_preference where user_id = ?").param(userId).update();
        if (!address.isEmpty()) {
            jdbc.sql("insert into notice_preference (user_id, email, email_enabled) values (?, ?, ?)")
                    .params(userId, address, emailEnabled).update();
        }
        return preference(actor);
    }

    Optional<String> webhookOf(long departmentId) {
        return jdbc.sql("select url from notice_webhook where department_id = ?").param(departmentId)
                .query(String.class).optional();
    }

    Webhook webhook(Actor actor, long departmentId) {
        requireOperator(actor, departmentId);
        return webhookOf(departmentId).map(url -> new Webhook(departmentId, url))
                .orElseThrow(() -> DomainException.notFound("webhook", departmentId));
    }

    @Transactional
    Webhook setWebhook(Actor actor, long departmentId, String url) {
        requireOperator(actor, departmentId);
        String checked = checkedUrl(url);
        jdbc.sql("delete from notice_webhook where department_id = ?").param(departmentId).update();
        jdbc.sql("insert into notice_webhook (department_id, url, updated_by, updated_at) values (?, ?, ?, ?)")
                .params(departmentId, checked, actor.name(), Inbox.now()).update();
        audit.record(AuditEvent.success(NoticeAuditAction.WEBHOOK_SET, "department", departmentId, checked));
        return new Webhook(departmentId, checked);
    }

    @Transactional
    void removeWebhook(Actor actor, long departmentId) {
        requireOperator(actor, departmentId);
        if (jdbc.sql("delete from notice_webhook where department_id = ?").param(departmentId).update() == 0) {
            throw DomainException.notFound("webhook", departmentId);
        }
        audit.record(AuditEvent.success(NoticeAuditAction.WEBHOOK_REMOVE, "department", departmentId, null));
    }

    private void requireOperator(Actor actor, long departmentId) {
        DepartmentInfo department = directory.department(departmentId)
                .orElseThrow(() -> DomainException.notFound("department", departmentId));
        if (actor.kind() != Actor.Kind.USER || !actor.authority() || !actor.has(Role.SYSTEM_ADMIN)
                || actor.regionId() != department.regionId()) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("url"));
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (trimmed.length() > 500 || !web || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("url"), trimmed);
            }
        } catch (java.net.URISyntaxException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("url"), trimmed);
        }
        return trimmed;
    }

    private static long userOf(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        return actor.id();
    }
}

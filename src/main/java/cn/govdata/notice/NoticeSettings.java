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
 * Where notices go besides the inbox: a user's own e-mail address and mobile number, and a department's webhook.
 * The webhook is set
 * by the data authority's system administrator only (not by the department), because the platform then calls that
 * address from inside the government network: only the operator decides which addresses it calls.
 */
@Service
class NoticeSettings {

    /**
     * A user's wishes, and whether the platform can act on them: e-mail is sent only with a mail server, SMS only
     * with a gateway ({@code emailAvailable}, {@code smsAvailable}); without one the wish is kept, nothing is sent.
     */
    record Preference(String email, boolean emailEnabled, String mobile, boolean smsEnabled, boolean emailAvailable,
            boolean smsAvailable) {
    }

    record Webhook(long departmentId, String url) {
    }

    /** A mainland mobile number: 11 digits, 1 then 3 to 9. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]{1,64}@[\\w-]{1,63}(\\.[\\w-]{1,63})+");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog audit;
    private final Deliveries deliveries;

    NoticeSettings(JdbcClient jdbc, Directory directory, AuditLog audit, Deliveries deliveries) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.deliveries = deliveries;
    }

    Preference preference(Actor actor) {
        return preferenceOf(userOf(actor))
                .orElse(new Preference(null, false, null, false, deliveries.mailConfigured(), deliveries.smsConfigured()));
    }

    Optional<Preference> preferenceOf(long userId) {
        boolean mail = deliveries.mailConfigured();
        boolean sms = deliveries.smsConfigured();
        return jdbc.sql("select email, email_enabled, mobile, sms_enabled from notice_preference where user_id = ?")
                .param(userId)
                .query((rs, row) -> new Preference(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getBoolean(4),
                        mail, sms))
                .optional();
    }

    /**
     * Sets the caller's address and mobile number and whether notices go there too. Each pair is given whole or
     * not at all (then kept as it was), and at least one pair is given, the e-mail one unless the SMS one is (so a
     * request of before SMS keeps working as it did); an empty address or number (with its channel off) forgets it.
     */
    @Transactional
    Preference changePreference(Actor actor, String email, Boolean emailEnabled, String mobile, Boolean smsEnabled) {
        long userId = userOf(actor);
        Preference current = preference(actor);
        boolean smsGiven = mobile != null || smsEnabled != null;
        boolean emailGiven = email != null || emailEnabled != null || !smsGiven;
        String address = emailGiven ? checkedEmail(email, emailEnabled) : nonNull(current.email());
        boolean mailOn = emailGiven ? emailEnabled : current.emailEnabled();
        String number = smsGiven ? checkedMobile(mobile, smsEnabled) : nonNull(current.mobile());
        boolean smsOn = smsGiven ? smsEnabled : current.smsEnabled();
        jdbc.sql("delete from notice_preference where user_id = ?").param(userId).update();
        if (!address.isEmpty() || !number.isEmpty()) {
            jdbc.sql("""
                    insert into notice_preference (user_id, email, email_enabled, mobile, sms_enabled)
                    values (?, ?, ?, ?, ?)""")
                    .params(userId, address.isEmpty() ? null : address, mailOn, number.isEmpty() ? null : number, smsOn)
                    .update();
        }
        return preference(actor);
    }

    private static String checkedEmail(String email, Boolean emailEnabled) {
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
        return address;
    }

    private static String checkedMobile(String mobile, Boolean smsEnabled) {
        if (mobile == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("mobile"));
        }
        if (smsEnabled == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("smsEnabled"));
        }
        String number = mobile.strip();
        if (number.isEmpty() && smsEnabled) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("mobile"));
        }
        if (!number.isEmpty() && !MOBILE.matcher(number).matches()) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("mobile"),
                    number.length() > 20 ? number.substring(0, 20) + "…" : number);
        }
        return number;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
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

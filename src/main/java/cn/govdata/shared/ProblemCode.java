package cn.govdata.shared;

import org.springframework.http.HttpStatus;

/**
 * Stable problem codes returned in the {@code code} member of RFC 9457 problem details. Clients and the
 * console key on these, so a code is never renamed; its message lives in {@code messages*.properties}
 * under {@code problem.<CODE>}.
 */
public enum ProblemCode {
    // generic
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    CONFLICT(HttpStatus.CONFLICT),
    /** The data is being changed by another request (a lock was not obtained in time); retry later. */
    RESOURCE_BUSY(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** The caller accepts no representation the operation can answer with (e.g. only XML). */
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),

    // identity and access
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED),
    ACCOUNT_LOCKED(HttpStatus.LOCKED),
    ACCOUNT_DISABLED(HttpStatus.FORBIDDEN),
    TOTP_REQUIRED(HttpStatus.UNAUTHORIZED),
    TOTP_INVALID(HttpStatus.UNAUTHORIZED),
    TOKEN_INVALID(HttpStatus.UNAUTHORIZED),
    TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED),
    PASSWORD_CHANGE_REQUIRED(HttpStatus.FORBIDDEN),
    WEAK_PASSWORD(HttpStatus.BAD_REQUEST),
    PASSWORD_REUSED(HttpStatus.BAD_REQUEST),
    WRONG_CURRENT_PASSWORD(HttpStatus.BAD_REQUEST),
    SEPARATION_OF_DUTIES(HttpStatus.CONFLICT),
    ROLE_NOT_ALLOWED(HttpStatus.BAD_REQUEST),
    /** Too many failed logins or token requests from one client address; answered with Retry-After. */
    TOO_MANY_FAILED_LOGINS(HttpStatus.TOO_MANY_REQUESTS),

    // organisation
    INVALID_DIVISION_CODE(HttpStatus.BAD_REQUEST),
    INVALID_CREDIT_CODE(HttpStatus.BAD_REQUEST),
    DUPLICATE_LOGIN(HttpStatus.CONFLICT),
    DUPLICATE_CREDIT_CODE(HttpStatus.CONFLICT),
    DUPLICATE_REGION(HttpStatus.CONFLICT),
    INVALID_PARENT(HttpStatus.BAD_REQUEST),
    SYSTEM_REVOKED(HttpStatus.CONFLICT),

    // federation of platforms (SHR-10)
    /** A catalog entry received from another platform: it is changed there and arrives here by the cascade. */
    FOREIGN_ENTRY_READ_ONLY(HttpStatus.CONFLICT),
    PEER_URL_INVALID(HttpStatus.BAD_REQUEST),
    PEER_URL_NOT_HTTPS(HttpStatus.BAD_REQUEST),
    PEER_EXISTS(HttpStatus.CONFLICT),
    /** The peer platform did not answer, or refused the platform's credentials; nothing was recorded. */
    PEER_UNAVAILABLE(HttpStatus.BAD_GATEWAY),
    /** Only a connected system of the data authority may deliver another platform's catalog. */
    NOT_A_PEER_SYSTEM(HttpStatus.FORBIDDEN),
    /** A lower platform's entry is applied for, but this platform has no link to that platform to apply through. */
    PEER_NOT_LINKED(HttpStatus.CONFLICT),
    /** The other platform answered a relayed application or use with a refusal of its own, named in the detail. */
    PEER_REFUSED(HttpStatus.CONFLICT),
    // harvesting other catalogs (issue #13)
    HARVEST_SOURCE_EXISTS(HttpStatus.CONFLICT),
    /** The source is being harvested already (on this or another node); its run reports when it ends. */
    HARVEST_RUNNING(HttpStatus.CONFLICT),

    // policy and calendar
    INVALID_DATE(HttpStatus.BAD_REQUEST),
    INVALID_WORKING_DAYS(HttpStatus.BAD_REQUEST),
    INVALID_CALENDAR(HttpStatus.BAD_REQUEST),
    UNKNOWN_POLICY(HttpStatus.BAD_REQUEST),

    // audit
    INVALID_AUDIT_QUERY(HttpStatus.BAD_REQUEST),

    // open data: public accounts (公众账号) and open-data demand requests (开放需求, OPN-3)
    /** Too many verification codes or registrations from one address or to one contact; answered with Retry-After. */
    PUBLIC_TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
    /** After failures from this address, a challenge must be answered first. */
    CHALLENGE_REQUIRED(HttpStatus.BAD_REQUEST),
    CHALLENGE_FAILED(HttpStatus.BAD_REQUEST),
    INVALID_CONTACT(HttpStatus.BAD_REQUEST),
    MESSAGE_CHANNEL_UNAVAILABLE(HttpStatus.BAD_REQUEST),
    /** The SMS gateway or the mail server did not take the message; nothing was changed, try again later. */
    MESSAGE_NOT_SENT(HttpStatus.SERVICE_UNAVAILABLE),
    VERIFICATION_CODE_WRONG(HttpStatus.BAD_REQUEST),
    /** The code expired, was used, or had too many wrong tries: a new one must be asked for. */
    VERIFICATION_CODE_EXPIRED(HttpStatus.BAD_REQUEST),
    PUBLIC_ACCOUNT_EXISTS(HttpStatus.CONFLICT),
    PUBLIC_ACCOUNT_INVALID(HttpStatus.BAD_REQUEST),
    DEMANDS_NOT_OFFERED(HttpStatus.CONFLICT),
    DEMAND_STATE(HttpStatus.CONFLICT),
    DEMAND_REPLY_INVALID(HttpStatus.BAD_REQUEST),
    DEMAND_OBJECTION_PERIOD_OVER(HttpStatus.CONFLICT),

    // security: leak tracing (SHR-6)
    /** No recorded export matches a file handed in for tracing, beyond chance. */
    TRACE_NO_MATCH(HttpStatus.NOT_FOUND),

    // data lake: bulk files
    DATA_FILE_UNREADABLE(HttpStatus.BAD_REQUEST),
    DATA_FILE_MALFORMED(HttpStatus.BAD_REQUEST),
    DATA_FILE_COLUMNS(HttpStatus.BAD_REQUEST),

    // catalog
    INVALID_CLASSIFICATION(HttpStatus.BAD_REQUEST),
    CATALOG_ENTRY_INVALID(HttpStatus.BAD_REQUEST),
    FIELD_REQUIRED(HttpStatus.BAD_REQUEST),
    FIELD_TOO_LONG(HttpStatus.BAD_REQUEST),
    INVALID_VALUE(HttpStatus.BAD_REQUEST),
    LEGAL_BASIS_REQUIRED(HttpStatus.BAD_REQUEST),
    CLASSIFIED_DATA_REFUSED(HttpStatus.BAD_REQUEST),
    BASE_ITEMS_SHARED_UNCONDITIONALLY(HttpStatus.BAD_REQUEST),
    /** The entry's grade forbids its share or open type (SEC-4). */
    GRADE_RESTRICTS_USE(HttpStatus.BAD_REQUEST),
    /** An entry is graded below one of its data items (SEC-4). */
    ENTRY_GRADE_BELOW_ITEM(HttpStatus.BAD_REQUEST),
    /** Data leaves by a way its grade forbids: core data in bulk, important data without an approved grant (SEC-4). */
    GRADE_REFUSES_USE(HttpStatus.FORBIDDEN),
    TYPE_NOT_IN_PROFILE(HttpStatus.BAD_REQUEST),
    DATA_ITEMS_REQUIRED(HttpStatus.BAD_REQUEST),
    DUPLICATE_DATA_ITEM(HttpStatus.BAD_REQUEST),
    UNKNOWN_RESOURCE_CODE(HttpStatus.BAD_REQUEST),
    NOT_LEAD_DEPARTMENT(HttpStatus.FORBIDDEN),
    INVALID_STATE(HttpStatus.CONFLICT),
    VERSION_CONFLICT(HttpStatus.CONFLICT),
    LOCAL_ENTRY_NEEDS_CONSENT(HttpStatus.CONFLICT),
    SPREADSHEET_INVALID(HttpStatus.BAD_REQUEST),
    SPREADSHEET_UNREADABLE(HttpStatus.BAD_REQUEST),
    SPREADSHEET_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    SPREADSHEET_DUPLICATE_KEY(HttpStatus.BAD_REQUEST),
    SPREADSHEET_UNKNOWN_KEY(HttpStatus.BAD_REQUEST),
    SPREADSHEET_CODE_ASSIGNED(HttpStatus.BAD_REQUEST),

    // lake
    DATASET_NEEDS_RECORD_KEY(HttpStatus.CONFLICT),
    REPLACE_NOT_CONFIRMED(HttpStatus.BAD_REQUEST),
    PUSH_REFUSED(HttpStatus.BAD_REQUEST),
    PUSH_RECORD_INVALID(HttpStatus.BAD_REQUEST),
    PUBLICATION_REFUSED(HttpStatus.CONFLICT),
    DATA_ITEM_CHANGE_LOSES_DATA(HttpStatus.CONFLICT),
    RECORD_KEY_CHANGED(HttpStatus.CONFLICT),
    UNKNOWN_RECORD_KEYS(HttpStatus.BAD_REQUEST),
    SELF_APPROVAL(HttpStatus.FORBIDDEN),
    ALREADY_DECIDED(HttpStatus.CONFLICT),

    // sharing: applications and decisions
    SHARE_APPLICATION_INVALID(HttpStatus.BAD_REQUEST),
    SHARE_DECISION_INVALID(HttpStatus.BAD_REQUEST),
    NOT_SHARED_NEEDS_COORDINATION(HttpStatus.CONFLICT),
    SHARE_TYPE_MISMATCH(HttpStatus.CONFLICT),
    OWN_DEPARTMENT_ENTRY(HttpStatus.BAD_REQUEST),
    UNKNOWN_DATA_ITEM(HttpStatus.BAD_REQUEST),
    SYSTEM_NOT_OF_DEPARTMENT(HttpStatus.BAD_REQUEST),
    PERIOD_STARTS_IN_PAST(HttpStatus.BAD_REQUEST),
    PERIOD_ENDS_BEFORE_START(HttpStatus.BAD_REQUEST),
    MATERIAL_MISSING(HttpStatus.BAD_REQUEST),
    UNKNOWN_MATERIAL(HttpStatus.BAD_REQUEST),
    NOT_A_NARROWING(HttpStatus.BAD_REQUEST),
    ROW_FILTER_NOT_NARROWER(HttpStatus.BAD_REQUEST),
    ROW_FILTER_ITEM_NOT_GRANTED(HttpStatus.BAD_REQUEST),
    REFUSAL_NEEDS_BASIS(HttpStatus.BAD_REQUEST),
    ATTACHMENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    ATTACHMENT_TYPE_REFUSED(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    TOO_MANY_ATTACHMENTS(HttpStatus.CONFLICT),
    APPLICATION_STATE(HttpStatus.CONFLICT),

    // sharing: use under a grant
    NO_GRANT(HttpStatus.FORBIDDEN),
    GRANT_REVOKED(HttpStatus.FORBIDDEN),
    GRANT_EXPIRED(HttpStatus.FORBIDDEN),
    GRANT_NOT_YET_VALID(HttpStatus.FORBIDDEN),
    GRANT_DOES_NOT_COVER(HttpStatus.FORBIDDEN),
    GRANT_NOT_FOR_CALLER(HttpStatus.FORBIDDEN),
    GRANT_STATE(HttpStatus.CONFLICT),
    QUOTA_EXHAUSTED(HttpStatus.TOO_MANY_REQUESTS),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),

    // sharing: objections and re-verification (SHR-7)
    OBJECTION_RECORD_NOT_FOUND(HttpStatus.NOT_FOUND),
    OBJECTION_STATE(HttpStatus.CONFLICT),
    EXTENSION_NOT_ALLOWED(HttpStatus.CONFLICT),
    EXTENSION_TOO_LONG(HttpStatus.BAD_REQUEST),
    ALREADY_EXTENDED(HttpStatus.CONFLICT),
    EXTENSION_NOT_REQUESTED(HttpStatus.CONFLICT),

    // lake: corrections
    CORRECTION_UNCHANGED(HttpStatus.CONFLICT),
    CORRECTION_REFUSED(HttpStatus.BAD_REQUEST),

    // sharing: subscriptions (主动推送)
    SUBSCRIPTION_ENDPOINT_INVALID(HttpStatus.BAD_REQUEST),
    SUBSCRIPTION_ENDPOINT_NOT_HTTPS(HttpStatus.BAD_REQUEST),
    /** The endpoint's host resolves to an address the platform does not push to (loopback, private, …). */
    SUBSCRIPTION_ENDPOINT_FORBIDDEN(HttpStatus.BAD_REQUEST),
    SUBSCRIPTION_ENDPOINT_UNRESOLVED(HttpStatus.BAD_REQUEST),
    SUBSCRIPTION_STATE(HttpStatus.CONFLICT),
    DEAD_LETTER_RESOLVED(HttpStatus.CONFLICT),

    // open data (OPN-4, OPN-5)
    OPEN_NOT_ALLOWED(HttpStatus.CONFLICT),
    OPEN_STATE(HttpStatus.CONFLICT),
    OPEN_REVIEW_INCOMPLETE(HttpStatus.BAD_REQUEST),
    OPEN_REVIEW_ANSWER_MISSING(HttpStatus.BAD_REQUEST),
    OPEN_REVIEW_NOT_PASSED(HttpStatus.BAD_REQUEST),
    DESENSITISATION_RULES_INVALID(HttpStatus.BAD_REQUEST),
    DESENSITISATION_NEEDS_LENGTH(HttpStatus.BAD_REQUEST),
    DESENSITISATION_TOO_WEAK(HttpStatus.BAD_REQUEST),
    /** Personal data was found in items that have no desensitisation rule (each item listed). */
    PERSONAL_DATA_WITHOUT_RULE(HttpStatus.CONFLICT),
    PERSONAL_DATA_FOUND(HttpStatus.CONFLICT),

    // open applications and API keys of public accounts (OPN-2)
    OPEN_APPLICATION_NOT_ALLOWED(HttpStatus.CONFLICT),
    OPEN_APPLICATION_INVALID(HttpStatus.BAD_REQUEST),
    OPEN_APPLICATION_STATE(HttpStatus.CONFLICT),
    API_KEY_LIMIT(HttpStatus.CONFLICT),
    /** A key's calls of the day are used up; answered with Retry-After (until the next Beijing day). */
    API_KEY_QUOTA_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS),
    /** A key called faster than its rate limit; answered with Retry-After. */
    API_KEY_RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    /** Calls of the open-data API without a key from one address came faster than the per-address limit. */
    ADDRESS_RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS);

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return "problem." + name();
    }
}

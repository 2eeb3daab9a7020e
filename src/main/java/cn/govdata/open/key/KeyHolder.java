package cn.govdata.open.key;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public account whose valid API key a call of the open-data API carries, as {@link ApiKeyFilter} admitted and
 * counted it: what the CKAN actions and the dumps ask to give a holder what their grants allow.
 */
public final class KeyHolder {

    static final String ATTRIBUTE = KeyHolder.class.getName();

    /** The admitted key's account and id. */
    public record Caller(long accountId, long keyId) {
    }

    private KeyHolder() {
    }

    /** The holder of the request's key, empty for a call without a valid key (anyone's). */
    public static Optional<Caller> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }
}

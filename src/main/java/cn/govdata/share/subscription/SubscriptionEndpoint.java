package cn.govdata.share.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * Where a subscription's changes go: an absolute https URL with a host, no user information (it would be shown
 * in listings) and no fragment; plain http only for the hosts the platform allows
 * ({@code govdata.share.subscription.http-allowed-hosts}, none by default).
 */
final class SubscriptionEndpoint {

    static final int MAX_LENGTH = 2000;

    private SubscriptionEndpoint() {
    }

    /** The endpoint as it will be called, or {@code SUBSCRIPTION_ENDPOINT_INVALID} / {@code _NOT_HTTPS}. */
    static URI checked(String endpoint, Collection<String> httpAllowedHosts) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("endpoint"));
        }
        String text = endpoint.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new DomainException(ProblemCode.SUBSCRIPTION_ENDPOINT_INVALID, text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (text.length() > MAX_LENGTH || !uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new DomainException(ProblemCode.SUBSCRIPTION_ENDPOINT_INVALID, text);
        }
        if (scheme.equals("http") && httpAllowedHosts.stream().noneMatch(uri.getHost()::equalsIgnoreCase)) {
            throw new DomainException(ProblemCode.SUBSCRIPTION_ENDPOINT_NOT_HTTPS, uri.getHost());
        }
        return uri;
    }
}

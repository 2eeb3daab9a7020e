package cn.govdata.share.subscription;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of subscriptions ({@code govdata.share.subscription.*}, SHR-5).
 *
 * @param httpAllowedHosts hosts whose endpoints may use plain http (e.g. a test double on localhost); every
 *        other endpoint must use https. None by default.
 * @param allowedNetworks IP addresses or CIDR blocks of loopback or private networks (RFC 1918, 100.64/10,
 *        fc00::/7) that endpoints may resolve to, e.g. the government extranet's; none by default, so only public
 *        addresses are pushed to ({@link EndpointAddressPolicy})
 * @param deniedNetworks IP addresses or CIDR blocks never pushed to, even when public or allowed; none by default
 * @param pageSize changes per delivery request at most
 * @param connectTimeout how long a delivery waits to connect to the endpoint
 * @param readTimeout how long a delivery waits for the endpoint's answer
 * @param maxAttempts attempts at delivering the same changes before they go to the dead letters
 * @param initialBackoff the wait after the first failed attempt; it doubles after each further one
 * @param maxBackoff the longest wait between attempts
 * @param sweepInterval how often every active subscription is checked for undelivered changes (after a
 *        restart, a missed event, or when a retry is due)
 * @param lease how long a node holds a subscription while delivering to it; after a crash another node takes
 *        it over once the lease has run out
 * @param threads delivery threads per node
 */
@ConfigurationProperties("govdata.share.subscription")
record SubscriptionSettings(@DefaultValue List<String> httpAllowedHosts, @DefaultValue List<String> allowedNetworks,
        @DefaultValue List<String> deniedNetworks, @DefaultValue("500") int pageSize,
        @DefaultValue("PT3S") Duration connectTimeout, @DefaultValue("PT10S") Duration readTimeout,
        @DefaultValue("6") int maxAttempts, @DefaultValue("PT30S") Duration initialBackoff,
        @DefaultValue("PT1H") Duration maxBackoff, @DefaultValue("PT1M") Duration sweepInterval,
        @DefaultValue("PT10M") Duration lease, @DefaultValue("2") int threads) {

    SubscriptionSettings {
        httpAllowedHosts = httpAllowedHosts == null ? List.of() : List.copyOf(httpAllowedHosts);
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        deniedNetworks = deniedNetworks == null ? List.of() : List.copyOf(deniedNetworks);
        if (pageSize < 1 || maxAttempts < 1 || threads < 1) {
            throw new IllegalArgumentException("page size, attempts and threads must be at least 1");
        }
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failed ones (1 or more): the initial backoff,
     * doubled after each further failure, never above the maximum.
     */
    Duration backoffAfter(int failedAttempts) {
        Duration delay = initialBackoff;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}

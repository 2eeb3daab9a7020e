package cn.govdata.security;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * {@link AddressAttemptLimit} as a token bucket per address (Bucket4j) in this node's memory, for the embedded H2
 * database (one node): several nodes would each count on their own. An address unseen for a
 * period has its full bucket again anyway, so it is forgotten then, and at most {@code maxAddresses} are kept.
 */
class InMemoryAddressAttemptLimit implements AddressAttemptLimit {

    private final Bandwidth limit;
    private final Cache<String, Bucket> buckets;

    InMemoryAddressAttemptLimit(AddressAttemptSettings settings) {
        this.limit = Bandwidth.builder().capacity(settings.failures())
                .refillGreedy(settings.failures(), settings.period()).build();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(settings.period()).maximumSize(settings.maxAddresses())
                .build();
    }

    @Override
    public Optional<Duration> take(String address) {
        ConsumptionProbe probe = bucket(address).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void giveBack(String address) {
        bucket(address).addTokens(1);
    }

    private Bucket bucket(String address) {
        return buckets.get(address, key -> Bucket.builder().addLimit(limit).build());
    }
}

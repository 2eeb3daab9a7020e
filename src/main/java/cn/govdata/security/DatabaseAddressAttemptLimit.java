package cn.govdata.security;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.scheduling.annotation.Scheduled;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * {@link AddressAttemptLimit} as a token bucket per address kept in PostgreSQL (Bucket4j's PostgreSQL backend,
 * table {@code address_attempt_buckets}, Flyway V190): every node takes from the same bucket, so behind a load
 * balancer an address still has the limit once, not once per node. Each take or give-back is one short
 * transaction that locks the address's row ({@code select … for update}); logins are slow anyway (Argon2), so
 * this costs them little. The buckets' refill is reckoned on the nodes' clocks, which must agree (NTP) to within a
 * small part of the period.
 *
 * <p>A bucket keeps the limit it was made with, so a row's key is the address with the limit ({@code 203.0.113.7 20
 * PT1M}): when the operator changes the limit, every address starts afresh under the new one, and nodes still on the
 * old one (during a rolling restart) go on counting on theirs. A row whose bucket would be full again is of no use
 * and expires; {@link #forgetFullBuckets} deletes those.
 * Each node does so: the deletion skips rows another node is deleting, so they share the work rather than repeat it.
 */
class DatabaseAddressAttemptLimit implements AddressAttemptLimit {

    /** How long a full bucket's row is kept before it is deleted: a margin over the nodes' clocks' disagreement. */
    private static final Duration KEPT_WHEN_FULL = Duration.ofMinutes(1);
    private static final int DELETED_AT_ONCE = 1000;

    private final BucketConfiguration configuration;
    /** Follows the address in a row's key: the limit its bucket was made with. */
    private final String limit;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    DatabaseAddressAttemptLimit(AddressAttemptSettings settings, DataSource dataSource) {
        this.limit = " " + settings.failures() + " " + settings.period();
        this.configuration = BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(settings.failures())
                .refillGreedy(settings.failures(), settings.period()).build()).build();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("address_attempt_buckets").idColumn("bucket_key").stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_WHEN_FULL))
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

    @Scheduled(initialDelayString = "PT3M", fixedDelayString = "PT10M")
    void forgetFullBuckets() {
        while (buckets.removeExpired(DELETED_AT_ONCE) == DELETED_AT_ONCE) {
            // more rows expired than one deletion takes
        }
    }

    private BucketProxy bucket(String address) {
        return buckets.builder().build(address + limit, () -> configuration);
    }
}

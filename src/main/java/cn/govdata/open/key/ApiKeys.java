package cn.govdata.open.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.open.account.FreeText;
import cn.govdata.open.account.Labels;
import cn.govdata.open.account.PublicAccounts;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * API keys of public accounts for the open-data API (CKAN's {@code Authorization: <key>}): a holder creates a key,
 * shown once and kept only as its SHA-256 hash, each with a daily quota (counted in the database per Beijing day, so
 * that it holds across nodes and restarts) and a rate limit per minute (a token bucket in this node's memory, as the
 * platform's other limits); revokes it; sees its calls per day. A call with a key is counted before it is answered.
 */
@Service
class ApiKeys {

    /** The prefix every key starts with, so that a key is recognised (and found by secret scanners) as the platform's. */
    static final String PREFIX = "gdk_";

    /** A key just created: the secret, shown this once. */
    record Created(ApiKey key, String secret) {
    }

    /** What a call with a key may do: go on as the holder's, or wait (the quota or the rate used up). */
    sealed interface Admission {
    }

    record Admitted(long accountId, long keyId) implements Admission {
    }

    record Refused(ProblemCode code, Duration retryAfter, int limit) implements Admission {
    }

    private final ApiKeyRecords records;
    private final ApiKeySettings settings;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2))
            .maximumSize(100_000).build();
    /** Per client address, for calls without a key; a flood of addresses evicts the longest unseen. */
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2))
            .maximumSize(100_000).build();

    ApiKeys(ApiKeyRecords records, ApiKeySettings settings, WorkingDayCalendar calendar, AuditLog audit) {
        this.records = records;
        this.settings = settings;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Transactional
    Created create(long accountId, String name, Integer dailyQuota, Integer perMinute, String clientAddress) {
        String label = FreeText.required(name, 100, "name");
        int quota = within(dailyQuota, settings.dailyQuota(), "dailyQuota");
        int rate = within(perMinute, settings.perMinute(), "perMinute");
        if (records.activeCount(accountId) >= settings.maxKeysPerAccount()) {
            throw new DomainException(ProblemCode.API_KEY_LIMIT, settings.maxKeysPerAccount());
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = records.insert(accountId, label, secret.substring(0, PREFIX.length() + 6), hash(secret), quota, rate);
        audit.record(AuditEvent.success(OpenAuditAction.KEY_CREATE, "open-api-key", id, quota + "/day, " + rate + "/min"),
                new AuditActor(PublicAccounts.actorName(accountId), null, clientAddress));
        return new Created(records.find(id).orElseThrow(), secret);
    }

    @Transactional
    ApiKey revoke(long accountId, long id, String clientAddress) {
        ApiKey key = own(accountId, id);
        if (key.active()) {
            records.revoke(id);
            buckets.invalidate(id);
            audit.record(AuditEvent.success(OpenAuditAction.KEY_REVOKE, "open-api-key", id, null),
                    new AuditActor(PublicAccounts.actorName(accountId), null, clientAddress));
        }
        return records.find(id).orElseThrow();
    }

    List<ApiKey> mine(long accountId) {
        return records.ofAccount(accountId);
    }

    /** The holder's own key; another account's is not found. */
    ApiKey own(long accountId, long id) {
        return records.find(id).filter(k -> k.accountId() == accountId)
                .orElseThrow(() -> DomainException.notFound("open-api-key", id));
    }

    int callsToday(ApiKey key) {
        return records.callsOn(key.id(), calendar.today());
    }

    List<ApiKeyRecords.Day> usage(ApiKey key, int days) {
        return records.days(key.id(), days);
    }

    /**
     * A call that carries a key: empty when the key is not one of ours or is revoked (the call goes on as anyone's,
     * as CKAN ignores a key it does not know), else whether it may go on as its holder's, counted.
     */
    Optional<Admission> admit(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiKey> found = records.byHash(hash(secret)).filter(ApiKey::active);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = found.get();
        Bucket bucket = buckets.get(key.id(), id -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(key.perMinute()).refillGreedy(key.perMinute(), Duration.ofMinutes(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Optional.of(new Refused(ProblemCode.API_KEY_RATE_LIMITED,
                    Duration.ofNanos(probe.getNanosToWaitForRefill()), key.perMinute()));
        }
        LocalDate today = calendar.today();
        if (!records.countCall(key.id(), today, key.dailyQuota())) {
            ZonedDateTime now = ZonedDateTime.now(WorkingDayCalendar.ZONE);
            Duration untilTomorrow = Duration.between(now, today.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE));
            return Optional.of(new Refused(ProblemCode.API_KEY_QUOTA_EXCEEDED, untilTomorrow, key.dailyQuota()));
        }
        return Optional.of(new Admitted(key.accountId(), key.id()));
    }

    /** A call without a key of ours, counted against its address's limit: empty if it may go on. */
    Optional<Refused> admitAnonymous(String address) {
        int limit = settings.anonymousPerMinute();
        if (limit <= 0 || address == null) {
            return Optional.empty();
        }
        Bucket bucket = addresses.get(address, a -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(new Refused(ProblemCode.ADDRESS_RATE_LIMITED,
                        Duration.ofNanos(probe.getNanosToWaitForRefill()), limit));
    }

    private static int within(Integer asked, int most, String field) {
        if (asked == null) {
            return most;
        }
        if (asked < 1 || asked > most) {
            throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field." + field), asked);
        }
        return asked;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

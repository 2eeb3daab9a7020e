package cn.govdata.open.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What one client address has done lately, so that registration and login cannot be scripted without limit: how
 * many verification codes it had sent in the last hour (beyond the limit: 429 until the oldest is an hour old),
 * and how many wrong codes and failed logins it made (beyond the limit: a challenge first). Kept in memory per
 * node, like the login limit of the officials' console; the per-contact limit is kept in the database and holds
 * across nodes.
 */
@Component
class AddressLimits {

    /** Addresses remembered at most: past this all are forgotten, so that a flood of addresses cannot fill memory. */
    private static final int MAX_ADDRESSES = 100_000;
    private static final Duration CODE_WINDOW = Duration.ofHours(1);

    private final PublicAccountSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> codesSent = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    AddressLimits(PublicAccountSettings settings) {
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** Counts a code about to be sent for the address: empty if it may, else how long until it may. */
    Optional<Duration> takeCodeSend(String address) {
        Instant now = clock.instant();
        Deque<Instant> sent = codesSent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (sent) {
            drop(sent, now.minus(CODE_WINDOW));
            if (sent.size() >= settings.codesPerAddressPerHour()) {
                return Optional.of(Duration.between(now, sent.peekFirst().plus(CODE_WINDOW)));
            }
            sent.addLast(now);
        }
        return Optional.empty();
    }

    void recordFailure(String address) {
        Instant now = clock.instant();
        Deque<Instant> failed = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (failed) {
            drop(failed, now.minus(settings.failureWindow()));
            failed.addLast(now);
        }
    }

    /** Whether the address failed so often lately that it must answer a challenge first. */
    boolean needsChallenge(String address) {
        Deque<Instant> failed = failures.get(address);
        if (failed == null) {
            return false;
        }
        synchronized (failed) {
            drop(failed, clock.instant().minus(settings.failureWindow()));
            return failed.size() >= settings.failuresBeforeChallenge();
        }
    }

    /** A challenge was answered: the address starts counting failures afresh. */
    void forgetFailures(String address) {
        failures.remove(address);
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void forgetStale() {
        Instant now = clock.instant();
        codesSent.entrySet().removeIf(e -> isStale(e.getValue(), now.minus(CODE_WINDOW)));
        failures.entrySet().removeIf(e -> isStale(e.getValue(), now.minus(settings.failureWindow())));
        if (codesSent.size() > MAX_ADDRESSES) {
            codesSent.clear();
        }
        if (failures.size() > MAX_ADDRESSES) {
            failures.clear();
        }
    }

    private static boolean isStale(Deque<Instant> times, Instant before) {
        synchronized (times) {
            drop(times, before);
            return times.isEmpty();
        }
    }

    private static void drop(Deque<Instant> times, Instant before) {
        while (!times.isEmpty() && times.peekFirst().isBefore(before)) {
            times.removeFirst();
        }
    }
}

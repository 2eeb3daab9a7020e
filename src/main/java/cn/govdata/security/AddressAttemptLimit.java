package cn.govdata.security;

import java.time.Duration;
import java.util.Optional;

/**
 * How many failed logins and token requests one client address may make: a guard against guessing passwords
 * and probing for logins from one place, on top of each account's own lock. An attempt is taken before the
 * credentials are checked (so that parallel guesses are counted too) and given back when they were right.
 * Counted across the cluster in PostgreSQL ({@link DatabaseAddressAttemptLimit}), in memory on H2, where there
 * is one node ({@link InMemoryAddressAttemptLimit}).
 */
interface AddressAttemptLimit {

    /** Takes one attempt for the address: empty if it may go ahead, else how long until it may try again. */
    Optional<Duration> take(String address);

    /** Gives back the attempt taken for the address: its credentials were right, or never checked. */
    void giveBack(String address);
}

package cn.govdata.open.key;

import java.time.OffsetDateTime;

/**
 * A public account's API key as stored: never the key itself, only its first characters (so that the holder can
 * tell keys apart) and its hash.
 *
 * @param dailyQuota calls a Beijing day at most
 * @param perMinute calls a minute at most
 */
record ApiKey(long id, long accountId, String name, String prefix, int dailyQuota, int perMinute,
        OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

    boolean active() {
        return revokedAt == null;
    }
}

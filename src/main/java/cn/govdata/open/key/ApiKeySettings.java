package cn.govdata.open.key;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of public API keys ({@code govdata.open.key.*}): how many keys an account may hold, and the daily quota
 * and rate limit a key gets (its holder may choose less, never more); and how many calls a minute one client address
 * may make without a key (0: no limit), counted per node.
 */
@ConfigurationProperties("govdata.open.key")
record ApiKeySettings(@DefaultValue("5") int maxKeysPerAccount, @DefaultValue("10000") int dailyQuota,
        @DefaultValue("120") int perMinute, @DefaultValue("600") int anonymousPerMinute) {
}

package cn.govdata.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-address limit on failed logins and token requests ({@link AddressAttemptLimit}).
 *
 * @param failures failed attempts one client address may make at once; beyond, it is answered 429
 * @param period the time over which those attempts come back, evenly (20 per minute: one every three seconds)
 * @param maxAddresses addresses remembered at once; beyond, the longest unseen are forgotten
 */
@ConfigurationProperties("govdata.security.address-limit")
record AddressAttemptSettings(@DefaultValue("20") int failures, @DefaultValue("PT1M") Duration period,
        @DefaultValue("100000") int maxAddresses) {
}

package cn.govdata.share.subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes {@link SubscriptionSecrets} at start: reads the data key (created on the first start), makes sure it
 * opens the secrets already sealed, and seals the secrets an earlier version stored in the clear. Done here, as
 * the application starts, because the key is a setting that a Flyway migration does not see.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionSecretsSetup {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionSecretsSetup.class);

    private record Stored(long id, String secret) {
    }

    /**
     * The key belongs with the database whose secrets it seals (like the audit key): by default in the data
     * directory; every node of one database needs the same file.
     */
    @Bean
    SubscriptionSecrets subscriptionSecrets(
            @Value("${govdata.share.subscription.secret-key:${govdata.data-dir}/keys/subscription-sm4.key}") String file,
            JdbcClient jdbc) {
        List<Stored> sealed = stored(jdbc, "like");
        SubscriptionSecrets secrets;
        try {
            secrets = new SubscriptionSecrets(SubscriptionSecrets.readOrCreateKey(Path.of(file), sealed.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the subscription secret key " + file, e);
        }
        checkOpens(secrets, sealed, file);
        sealClearSecrets(jdbc, secrets);
        return secrets;
    }

    /**
     * A key that opens none of the sealed secrets is the wrong file: the start stops rather than every push
     * failing. A few that do not open (altered rows) are reported; their subscriptions fail until a rotation.
     */
    private static void checkOpens(SubscriptionSecrets secrets, List<Stored> sealed, String file) {
        List<Long> failed = new ArrayList<>();
        for (Stored row : sealed) {
            try {
                secrets.open(row.id(), row.secret());
            } catch (IllegalStateException e) {
                failed.add(row.id());
            }
        }
        if (!sealed.isEmpty() && failed.size() == sealed.size()) {
            throw new IllegalStateException("The subscription secret key " + file + " opens none of the "
                    + sealed.size() + " sealed subscription secrets: it is not the key they were sealed with."
                    + " Restore the right file (govdata.share.subscription.secret-key).");
        }
        if (!failed.isEmpty()) {
            log.error("The secrets of subscriptions {} do not open with the platform's key (altered?); their pushes"
                    + " fail until the subscriber rotates the secret", failed);
        }
    }

    /**
     * Seals every secret still in the clear. Each row is changed only if it still holds the clear value read, so
     * nodes starting together, or a start after a partial run, seal each secret once.
     */
    static int sealClearSecrets(JdbcClient jdbc, SubscriptionSecrets secrets) {
        int sealed = 0;
        for (Stored row : stored(jdbc, "not like")) {
            sealed += jdbc.sql("update share_subscription set secret = ? where id = ? and secret = ?")
                    .params(secrets.seal(row.id(), row.secret()), row.id(), row.secret()).update();
        }
        if (sealed > 0) {
            log.info("Sealed {} subscription secrets stored in the clear by an earlier version", sealed);
        }
        return sealed;
    }

    /** The secrets sealed ({@code like}) or in the clear ({@code not like}). */
    private static List<Stored> stored(JdbcClient jdbc, String comparison) {
        return jdbc.sql("select id, secret from share_subscription where secret " + comparison + " ? order by id")
                .param(SubscriptionSecrets.SCHEME + "%")
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("secret"))).list();
    }
}

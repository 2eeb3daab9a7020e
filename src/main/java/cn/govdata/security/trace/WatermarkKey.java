package cn.govdata.security.trace;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's secret watermark key: 32 random bytes, made on first use and kept in the database (one row). It lives
 * with the export records it reads, so that every backup and restore keeps the two together; anyone who can read the
 * database could compute the marks — and strip them — but could equally take the data unmarked. Nodes starting
 * together agree on one key: the first insert wins and the others read it. Read and made in transactions of their
 * own, as the first export may start inside a read-only one.
 */
@Component
class WatermarkKey {

    private static final int BYTES = 32;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private volatile byte[] key;

    WatermarkKey(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    byte[] bytes() {
        byte[] known = key;
        if (known == null) {
            known = stored().orElseGet(this::create);
            key = known;
        }
        return known.clone();
    }

    private Optional<byte[]> stored() {
        return ownTransaction.execute(status -> jdbc.sql("select secret from security_watermark_key where id = 1")
                .query(String.class).optional().map(Base64.getDecoder()::decode));
    }

    private byte[] create() {
        byte[] fresh = new byte[BYTES];
        new SecureRandom().nextBytes(fresh);
        try {
            ownTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into security_watermark_key (id, secret, created_at) values (1, ?, ?)")
                    .params(Base64.getEncoder().encodeToString(fresh), OffsetDateTime.now(ZoneOffset.UTC)).update());
            return fresh;
        } catch (DuplicateKeyException another) {
            return stored().orElseThrow();
        }
    }
}

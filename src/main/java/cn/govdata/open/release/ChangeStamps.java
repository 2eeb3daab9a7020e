package cn.govdata.open.release;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stamps the changes the public sees (CKAN's {@code metadata_modified}) so that harvesting by time misses none and
 * repeats none: a change locks the one clock row, takes the later of now and the last stamp plus a microsecond, and
 * keeps the lock until it commits. Stamps are therefore unique and committed in their order, so whatever a
 * harvester has seen, every later change carries a later stamp. A harvester that asks by wall-clock time instead
 * is served by {@link #afterPendingChanges}: its search waits for changes being stamped to commit, and a change
 * starting afterwards is stamped after the search.
 */
@Component
public class ChangeStamps {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ChangeStamps(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The stamp of a change, in the changing transaction (which holds the clock until it ends). */
    @Transactional(propagation = Propagation.MANDATORY)
    public OffsetDateTime next() {
        OffsetDateTime last = jdbc.sql("select last_stamp from open_clock where id = 1 for update")
                .query(OffsetDateTime.class).single();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime stamp = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        jdbc.sql("update open_clock set last_stamp = ? where id = 1").param(stamp).update();
        return stamp.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Runs a read after every change already being stamped has committed. */
    public <T> T afterPendingChanges(Supplier<T> read) {
        return transactions.execute(status -> {
            jdbc.sql("select last_stamp from open_clock where id = 1 for update").query(OffsetDateTime.class).single();
            return read.get();
        });
    }
}

package cn.govdata.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.GovdataApplication;

/**
 * Events between modules survive a failed listener and a restart: the publication is stored with the transaction
 * that raised the event, stays outstanding while its listener fails, and is delivered again and completed when the
 * platform starts anew.
 */
class EventPublicationRegistryTest {

    /** An event of this test only. */
    record ProbeEvent(String probe) {
    }

    /** A listener that fails until told otherwise; registered only in this test's contexts. */
    static class ProbeListener {

        static volatile boolean failing = true;
        static final AtomicInteger attempts = new AtomicInteger();
        static final CopyOnWriteArrayList<String> handled = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(ProbeEvent event) {
            attempts.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("the probe's listener fails before the restart");
            }
            handled.add(event.probe());
        }
    }

    @Test
    void anEventWhoseListenerFailedIsCompletedAfterARestart() throws Exception {
        String probe = "probe-" + UUID.randomUUID();
        ProbeListener.failing = true;

        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            first.getBean(TransactionTemplate.class).executeWithoutResult(
                    status -> first.publishEvent(new ProbeEvent(probe)));
            await(() -> ProbeListener.attempts.get() > 0 && outstanding(jdbc, probe) == 1);
            Thread.sleep(200); // the failed attempt is recorded after the listener threw
            assertThat(outstanding(jdbc, probe)).as("the failed publication stays outstanding").isEqualTo(1);
            assertThat(ProbeListener.handled).doesNotContain(probe);
        }

        ProbeListener.failing = false;
        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await(() -> ProbeListener.handled.contains(probe) && outstanding(jdbc, probe) == 0);
            assertThat(ProbeListener.handled).containsOnlyOnce(probe);
            assertThat(outstanding(jdbc, probe)).as("completed publications are removed").isZero();
        }
    }

    private static ConfigurableApplicationContext start() throws Exception {
        Path dataDir = Files.createTempDirectory("govdata-events-");
        return new SpringApplicationBuilder(GovdataApplication.class)
                .profiles("test")
                .initializers(context -> ((GenericApplicationContext) context).registerBean(ProbeListener.class))
                .properties("server.port=0", "govdata.test.data-dir=" + dataDir,
                        // only the start delivers outstanding events in this test, not the periodic job
                        "govdata.events.resubmit-interval=PT1H")
                .run();
    }

    private static long outstanding(JdbcClient jdbc, String probe) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ? and completion_date is null")
                .param("%" + probe + "%").query(Long.class).single();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}

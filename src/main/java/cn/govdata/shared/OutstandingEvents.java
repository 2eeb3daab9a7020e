package cn.govdata.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Delivers again, while the platform runs, the events between modules whose listener failed or whose node died
 * before it finished; the start of a node delivers all outstanding ones (Spring Modulith's
 * {@code republish-outstanding-events-on-restart}). Listeners of events between modules are idempotent, so a
 * publication delivered by two nodes at once does no harm.
 */
@Component
@ConditionalOnProperty(name = "govdata.cli", havingValue = "false", matchIfMissing = true)
class OutstandingEvents {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);

    private final IncompleteEventPublications incomplete;
    private final Duration resubmitAfter;

    OutstandingEvents(IncompleteEventPublications incomplete,
            @Value("${govdata.events.resubmit-after:PT5M}") Duration resubmitAfter) {
        this.incomplete = incomplete;
        this.resubmitAfter = resubmitAfter;
    }

    @SchedulerLock(name = "events.resubmit")
    @Scheduled(initialDelayString = "${govdata.events.resubmit-interval:PT1M}",
            fixedDelayString = "${govdata.events.resubmit-interval:PT1M}")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
        } catch (RuntimeException e) {
            log.warn("outstanding events could not be delivered again; the next run tries: {}", e.toString());
        }
    }
}

package cn.govdata.supervise.metric;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.govdata.org.OrgFacts;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.supervise.violation.DetectionRan;

/**
 * Keeps the metric inputs up to date between readings: an incremental run of every supervised region on a
 * schedule, once per cluster (the node that first claims the interval's slot in the run's row runs it; the
 * others skip it), and one after each detection, whose violations count in the metrics.
 */
@Component
class MetricSchedule {

    private static final Logger log = LoggerFactory.getLogger(MetricSchedule.class);

    private final MetricFacts facts;
    private final OrgFacts org;
    private final WorkingDayCalendar calendar;
    private final Duration interval;

    MetricSchedule(MetricFacts facts, OrgFacts org, WorkingDayCalendar calendar,
            @Value("${govdata.supervise.metrics.interval:PT1M}") Duration interval) {
        this.facts = facts;
        this.org = org;
        this.calendar = calendar;
        this.interval = interval;
    }

    @Scheduled(initialDelayString = "${govdata.supervise.metrics.interval:PT1M}",
            fixedDelayString = "${govdata.supervise.metrics.interval:PT1M}")
    void scheduled() {
        int year = calendar.today().getYear();
        long slot = System.currentTimeMillis() / interval.toMillis();
        for (long regionId : org.supervisedRegions()) {
            if (facts.claim(regionId, year, slot)) {
                update(regionId, year);
            }
        }
    }

    /** After the detection committed, in the background: the detecting request does not wait for the metrics. */
    @ApplicationModuleListener
    void afterDetection(DetectionRan ran) {
        update(ran.regionId(), calendar.today().getYear());
    }

    private void update(long regionId, int year) {
        try {
            MetricFacts.Run run = facts.refresh(regionId, year);
            log.debug("Metrics of region {} for {}: {} run, {} departments read", regionId, year, run.kind(),
                    run.departmentsRead());
        } catch (RuntimeException e) {
            log.error("Metrics of region {} for {} could not be updated", regionId, year, e);
        }
    }
}

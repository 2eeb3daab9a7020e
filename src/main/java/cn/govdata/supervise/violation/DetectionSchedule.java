package cn.govdata.supervise.violation;

import java.net.InetAddress;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.govdata.org.OrgFacts;
import cn.govdata.policy.WorkingDayCalendar;

/**
 * The daily detection, once per cluster: the node that first writes the day's marker (a row keyed by the date,
 * so a second node's insert fails) runs it for every supervised region; the others skip the day. Detection is
 * idempotent anyway, so a run repeated by hand changes nothing it already recorded.
 */
@Component
class DetectionSchedule {

    private static final Logger log = LoggerFactory.getLogger(DetectionSchedule.class);

    private final JdbcClient jdbc;
    private final Violations violations;
    private final OrgFacts org;
    private final WorkingDayCalendar calendar;

    DetectionSchedule(JdbcClient jdbc, Violations violations, OrgFacts org, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.violations = violations;
        this.org = org;
        this.calendar = calendar;
    }

    @Scheduled(initialDelayString = "${govdata.supervise.detection-interval:PT1H}",
            fixedDelayString = "${govdata.supervise.detection-interval:PT1H}")
    void scheduled() {
        LocalDate today = calendar.today();
        if (!claim(today)) {
            return;
        }
        for (long regionId : org.supervisedRegions()) {
            try {
                DetectionReport report = violations.detectScheduled(regionId);
                log.info("Supervision detection for region {}: {} opened, {} resolved", regionId, report.opened(),
                        report.resolved());
            } catch (RuntimeException e) {
                log.error("Supervision detection for region {} failed", regionId, e);
            }
        }
    }

    /** Whether this node is the one to run today's detection. */
    boolean claim(LocalDate day) {
        try {
            return jdbc.sql("insert into supervise_detection_run (run_on, started_at, node) values (?, ?, ?)")
                    .params(day, Violations.now(), node()).update() == 1;
        } catch (DataIntegrityViolationException alreadyClaimed) {
            return false;
        }
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (java.io.IOException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }
}

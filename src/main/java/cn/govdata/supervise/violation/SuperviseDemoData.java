package cn.govdata.supervise.violation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.govdata.org.OrgFacts;

/**
 * Demo mode only: runs the detection once at start-up, after the other demo data, so that the demo catalog's
 * overdue update obligation shows as a violation of its department at once (rather than after the first
 * scheduled run). Idempotent like every detection.
 */
@Component
@ConditionalOnBooleanProperty("govdata.demo")
@Order(10)
class SuperviseDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SuperviseDemoData.class);

    private final Violations violations;
    private final OrgFacts org;

    SuperviseDemoData(Violations violations, OrgFacts org) {
        this.violations = violations;
        this.org = org;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (long regionId : org.supervisedRegions()) {
            DetectionReport report = violations.detectScheduled(regionId);
            log.info("Demo supervision: {} violations opened in region {}", report.opened(), regionId);
        }
    }
}

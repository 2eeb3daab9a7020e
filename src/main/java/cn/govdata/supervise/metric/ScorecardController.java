package cn.govdata.supervise.metric;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;

/** Metrics and scorecards (SUP-1). */
@RestController
@RequestMapping("/api/v1/supervision")
class ScorecardController {

    private final Scorecards scorecards;

    ScorecardController(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/scorecards")
    @Operation(summary = "Each department's score and metrics for a year (officers: all; others: their own)")
    List<Scorecard> scorecards(@RequestParam int year) {
        return scorecards.list(Actor.require(), year);
    }

    @GetMapping("/scorecards/region")
    @Operation(summary = "The region's average score and metrics for a year")
    Scorecards.RegionAverages region(@RequestParam int year) {
        return scorecards.averages(Actor.require(), year);
    }

    @GetMapping("/scorecards/{year}/departments/{departmentId}/metrics/{metric}")
    @Operation(summary = "The records behind one metric of a department's scorecard")
    Scorecards.DrillDown drillDown(@PathVariable int year, @PathVariable long departmentId,
            @PathVariable String metric) {
        return scorecards.drillDown(Actor.require(), year, departmentId, metric);
    }

    @GetMapping("/metrics")
    @Operation(summary = "The metrics with their labels, definitions and weights in the current scoring model")
    List<Scorecards.MetricDefinition> metrics() {
        return scorecards.definitions();
    }
}

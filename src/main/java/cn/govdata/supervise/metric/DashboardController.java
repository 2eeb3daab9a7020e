package cn.govdata.supervise.metric;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;

/** The supervision dashboard's charts beside the league table (issue #14). */
@RestController
@RequestMapping("/api/v1/supervision/dashboard")
class DashboardController {

    private final Dashboards dashboards;

    DashboardController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/trends")
    @Operation(summary = "Each metric per year, the region's average and a department's own (officers and assessors: "
            + "the region or any department; others: their own)")
    Dashboards.Trends trends(@RequestParam(required = false) Long departmentId) {
        return dashboards.trends(Actor.require(), departmentId);
    }

    @GetMapping("/comparison")
    @Operation(summary = "A department's metrics for a year beside the region's average and median (default: the caller's own)")
    Dashboards.Comparison comparison(@RequestParam int year, @RequestParam(required = false) Long departmentId) {
        return dashboards.comparison(Actor.require(), year, departmentId);
    }

    @GetMapping("/overdue")
    @Operation(summary = "Open work past its due date per kind, by working days overdue (1–5, 6–10, 11–20, over 20)")
    Dashboards.Overdue overdue(@RequestParam(required = false) Long departmentId) {
        return dashboards.overdue(Actor.require(), departmentId);
    }
}

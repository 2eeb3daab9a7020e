package cn.govdata.open.application;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Open applications in the console: the providing department approves or refuses, or where the region's profile has
 * the authority authorise (FZ16), the authority; the authority records competitive selections for commercial use
 * (FZ17) and otherwise looks on.
 */
@RestController
@RequestMapping("/api/v1/open/applications")
@Tag(name = "Open applications (console)", description = "decide applications for conditionally-open data (OPN-2)")
class ApplicationConsoleController {

    private final OpenApplications applications;
    private final ApplicationViews views;
    private final UsageReports reports;

    ApplicationConsoleController(OpenApplications applications, ApplicationViews views, UsageReports reports) {
        this.applications = applications;
        this.views = views;
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "The department's applications, or the authority's region's; overdue=true for the late ones")
    List<ApplicationView> list(@RequestParam(required = false) OpenApplication.Status status,
            @RequestParam(defaultValue = "false") boolean overdue) {
        return applications.forConsole(Actor.require(), status, overdue).stream().map(a -> views.forOfficial(Actor.require(), a)).toList();
    }

    @GetMapping("/{id}")
    ApplicationView get(@PathVariable long id) {
        return views.forOfficial(Actor.require(), applications.visibleById(Actor.require(), id));
    }

    @GetMapping("/{id}/reports")
    @Operation(summary = "The periods of the grant and the holder's usage reports, with the uses counted under it")
    List<UsageReports.Period> reports(@PathVariable long id) {
        return reports.periods(applications.visibleById(Actor.require(), id));
    }

    @GetMapping("/overdue-reports")
    @Operation(summary = "Usage reports overdue: of the department's grants, or the authority's region's")
    List<UsageReports.Period> overdueReports() {
        return reports.overdue(Actor.require());
    }

    record ApprovalRequest(@Size(max = 8000) String conditions, @Size(max = 200) List<@Size(max = 100) String> items,
            LocalDate accessUntil) {
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve, possibly with conditions, fewer items or a shorter period: the usage agreement")
    ApplicationView approve(@PathVariable long id, @Valid @RequestBody ApprovalRequest request) {
        return views.forOfficial(Actor.require(), applications.approve(Actor.require(), id,
                new OpenApplications.Approval(request.conditions(), request.items(), request.accessUntil())));
    }

    record SelectionRequest(@Size(max = 400) String method, CompetitiveSelection.Result result, LocalDate decidedOn,
            @Size(max = 400) String reference) {
    }

    @PostMapping("/{id}/selection")
    @Operation(summary = "The authority records the result of the competitive selection for commercial use (FZ17)")
    ApplicationView recordSelection(@PathVariable long id, @Valid @RequestBody SelectionRequest request) {
        Actor actor = Actor.require();
        applications.recordSelection(actor, id, new OpenApplications.SelectionResult(request.method(), request.result(),
                request.decidedOn(), request.reference()));
        return views.forOfficial(actor, applications.visibleById(actor, id));
    }

    record RefusalRequest(@Size(max = 8000) String reasons, @Size(max = 2000) String legalBasis) {
    }

    @PostMapping("/{id}/refuse")
    @Operation(summary = "Refuse, with the reasons and the legal basis")
    ApplicationView refuse(@PathVariable long id, @Valid @RequestBody RefusalRequest request) {
        return views.forOfficial(Actor.require(), applications.refuse(Actor.require(), id, request.reasons(), request.legalBasis()));
    }
}

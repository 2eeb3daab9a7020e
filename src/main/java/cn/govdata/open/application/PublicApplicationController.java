package cn.govdata.open.application;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.open.account.PublicAccess;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Open applications on the public side: a public account holder applies and follows their own applications. */
@RestController
@RequestMapping("/api/v1/public/account/applications")
@Tag(name = "Open applications (public)", description = "apply for conditionally-open data (有条件开放申请, OPN-2)")
class PublicApplicationController {

    private final OpenApplications applications;
    private final ApplicationViews views;
    private final UsageReports reports;

    PublicApplicationController(OpenApplications applications, ApplicationViews views, UsageReports reports) {
        this.applications = applications;
        this.views = views;
        this.reports = reports;
    }

    record ApplicationRequest(@Size(max = 100) String dataset, @NotNull OpenApplication.Use use,
            @Size(max = 4000) String purpose, @Size(max = 8000) String scenario,
            @Size(max = 8000) String securityMeasures, @Size(max = 200) List<@Size(max = 100) String> items,
            LocalDate until, boolean agreementAccepted) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply for a dataset open on application (dataset: its CKAN id or name)")
    ApplicationView apply(@Valid @RequestBody ApplicationRequest request, HttpServletRequest http) {
        OpenApplication application = applications.apply(holder(), new OpenApplications.Submission(request.dataset(),
                request.use(), request.purpose(), request.scenario(), request.securityMeasures(), request.items(),
                request.until(), request.agreementAccepted()), http.getRemoteAddr());
        return views.forApplicant(application);
    }

    @GetMapping
    List<ApplicationView> mine() {
        return applications.mine(holder()).stream().map(views::forApplicant).toList();
    }

    @GetMapping("/{id}")
    ApplicationView mine(@PathVariable long id) {
        return views.forApplicant(applications.ownById(holder(), id));
    }

    @GetMapping("/{id}/reports")
    @Operation(summary = "The periods of one's grant and their usage reports (OPN-6): quarters, due 15 days after")
    List<UsageReports.Period> reports(@PathVariable long id) {
        return reports.periods(applications.ownById(holder(), id));
    }

    record ReportRequest(LocalDate periodStart, @Size(max = 16000) String report) {
    }

    @PostMapping("/{id}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report the use of the data in an ended period of one's grant")
    UsageReports.Period report(@PathVariable long id, @Valid @RequestBody ReportRequest request,
            HttpServletRequest http) {
        return reports.report(applications.ownById(holder(), id), request.periodStart(), request.report(),
                http.getRemoteAddr());
    }

    private static long holder() {
        return PublicAccess.requireAccountHolder(Actor.require());
    }
}

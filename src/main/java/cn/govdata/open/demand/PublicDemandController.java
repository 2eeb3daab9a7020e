package cn.govdata.open.demand;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.open.account.PublicAccess;
import cn.govdata.org.Directory;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Demand requests on the public side: anyone reads the answered ones; a public account holder makes requests,
 * follows their own and objects to an answer.
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Open-data demand requests (public)", description = "ask for data to be listed or opened (开放需求, FZ18)")
class PublicDemandController {

    private final Demands demands;
    private final DemandViews views;
    private final Directory directory;

    PublicDemandController(Demands demands, DemandViews views, Directory directory) {
        this.demands = demands;
        this.views = views;
        this.directory = directory;
    }

    record Department(long id, String name, String regionName) {
    }

    @GetMapping("/departments")
    @Operation(summary = "The departments a request may name")
    List<Department> departments() {
        return directory.regions().stream().flatMap(region -> directory.departments(region.id()).stream()
                .map(d -> new Department(d.id(), d.name(), region.name()))).toList();
    }

    record PublicPage(List<DemandView> items, long total, int page, int size) {
    }

    @GetMapping("/demands")
    @Operation(summary = "Answered demand requests, newest answer first (no requester's data)")
    PublicPage answered(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        DemandRecords.Page found = demands.answered(page, size);
        return new PublicPage(found.demands().stream().map(views::forPublic).toList(), found.total(), page, size);
    }

    @GetMapping("/demands/{id}")
    DemandView answered(@PathVariable long id) {
        return views.forPublic(demands.answeredById(id));
    }

    record SubmissionRequest(@NotNull Demand.Kind kind, @Size(max = 400) String subject,
            @Size(max = 8000) String description, @Size(max = 8000) String reason, Long departmentId, Long entryId) {
    }

    @PostMapping("/account/demands")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for data to be listed (LIST) or opened (OPEN)")
    DemandView submit(@Valid @RequestBody SubmissionRequest request, HttpServletRequest http) {
        long account = holder();
        Demand demand = demands.submit(account, new Demands.Submission(request.kind(), request.subject(),
                request.description(), request.reason(), request.departmentId(), request.entryId()),
                http.getRemoteAddr());
        return views.forRequester(demand, true);
    }

    @GetMapping("/account/demands")
    List<DemandView> mine() {
        return demands.mine(holder()).stream().map(d -> views.forRequester(d, false)).toList();
    }

    @GetMapping("/account/demands/{id}")
    DemandView mine(@PathVariable long id) {
        return views.forRequester(demands.ownById(holder(), id), true);
    }

    record Objection(@Size(max = 8000) String reasons) {
    }

    @PostMapping("/account/demands/{id}/objection")
    @Operation(summary = "Object to the answer, once, within the period")
    DemandView object(@PathVariable long id, @Valid @RequestBody Objection request, HttpServletRequest http) {
        return views.forRequester(demands.object(holder(), id, request.reasons(), http.getRemoteAddr()), true);
    }

    private static long holder() {
        return PublicAccess.requireAccountHolder(Actor.require());
    }
}

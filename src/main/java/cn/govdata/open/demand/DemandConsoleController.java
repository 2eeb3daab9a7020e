package cn.govdata.open.demand;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Demand requests in the console: the department answers, the authority assigns, answers and reviews objections. */
@RestController
@RequestMapping("/api/v1/open/demands")
@Tag(name = "Open-data demand requests (console)", description = "answer the public's requests (开放需求答复)")
class DemandConsoleController {

    private final Demands demands;
    private final DemandViews views;

    DemandConsoleController(Demands demands, DemandViews views) {
        this.demands = demands;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "The department's requests, or the authority's region's; overdue=true for the late ones")
    List<DemandView> list(@RequestParam(required = false) Demand.Status status,
            @RequestParam(defaultValue = "false") boolean overdue) {
        return demands.forConsole(Actor.require(), status, overdue).stream().map(d -> views.forOfficial(d, false))
                .toList();
    }

    @GetMapping("/{id}")
    DemandView get(@PathVariable long id) {
        return views.forOfficial(demands.visibleById(Actor.require(), id), true);
    }

    record Assignment(@NotNull Long departmentId) {
    }

    @PostMapping("/{id}/assign")
    DemandView assign(@PathVariable long id, @Valid @RequestBody Assignment request) {
        return views.forOfficial(demands.assign(Actor.require(), id, request.departmentId()), true);
    }

    record AnswerRequest(@NotNull Demand.Decision decision, @Size(max = 8000) String reasons,
            @Size(max = 2000) String legalBasis, Long entryId) {
    }

    @PostMapping("/{id}/answer")
    DemandView answer(@PathVariable long id, @Valid @RequestBody AnswerRequest request) {
        return views.forOfficial(demands.answer(Actor.require(), id, new Demands.Answer(request.decision(),
                request.reasons(), request.legalBasis(), request.entryId())), true);
    }

    record Link(@NotNull Long entryId) {
    }

    @PostMapping("/{id}/link")
    DemandView link(@PathVariable long id, @Valid @RequestBody Link request) {
        return views.forOfficial(demands.link(Actor.require(), id, request.entryId()), true);
    }

    record ReviewRequest(@NotNull Demand.ReviewOutcome outcome, @Size(max = 8000) String reasons,
            Demand.Decision decision, @Size(max = 8000) String decisionReasons, @Size(max = 2000) String legalBasis,
            Long entryId) {
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Decide an objection: the answer stands (CONFIRMED) or is replaced (REVISED, with a decision)")
    DemandView review(@PathVariable long id, @Valid @RequestBody ReviewRequest request) {
        Demands.Answer revised = request.decision() == null ? null : new Demands.Answer(request.decision(),
                request.decisionReasons(), request.legalBasis(), request.entryId());
        return views.forOfficial(demands.review(Actor.require(), id,
                new Demands.Review(request.outcome(), request.reasons(), revised)), true);
    }
}

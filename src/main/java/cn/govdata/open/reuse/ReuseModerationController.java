package cn.govdata.open.reuse;

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

/** The data authority moderates apps and results before the portal shows them. */
@RestController
@RequestMapping("/api/v1/open/reuses")
@Tag(name = "Apps and results (console)", description = "moderate what people built on open data (OPN-6)")
class ReuseModerationController {

    private final Reuses reuses;
    private final ReuseViews views;

    ReuseModerationController(Reuses reuses, ReuseViews views) {
        this.reuses = reuses;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "The region's apps and results, optionally of one status (SUBMITTED: waiting)")
    List<ReuseView> list(@RequestParam(required = false) Reuse.Status status) {
        return reuses.forModeration(Actor.require(), status).stream().map(views::forAuthority).toList();
    }

    @GetMapping("/{id}")
    ReuseView get(@PathVariable long id) {
        return views.forAuthority(reuses.moderated(Actor.require(), id));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Let it show on the portal")
    ReuseView approve(@PathVariable long id) {
        return views.forAuthority(reuses.approve(Actor.require(), id));
    }

    record Rejection(@Size(max = 4000) String reason) {
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Keep it off the portal, with the reason its holder reads")
    ReuseView reject(@PathVariable long id, @Valid @RequestBody Rejection rejection) {
        return views.forAuthority(reuses.reject(Actor.require(), id, rejection.reason()));
    }
}

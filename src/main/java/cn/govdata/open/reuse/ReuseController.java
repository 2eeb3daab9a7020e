package cn.govdata.open.reuse;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.open.account.PublicAccess;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Apps and results on the public side: anyone reads the approved ones (all, or a dataset's); a public account
 * holder publishes, edits and deletes its own.
 */
@RestController
@Tag(name = "Apps and results (public)", description = "what people built on open data (利用成果, OPN-6)")
class ReuseController {

    private static final String MINE = "/api/v1/public/account/reuses";

    private final Reuses reuses;
    private final ReuseViews views;

    ReuseController(Reuses reuses, ReuseViews views) {
        this.reuses = reuses;
        this.views = views;
    }

    record UsedDataset(@Size(max = 100) String dataset, LocalDate obtainedOn) {
    }

    record ReuseRequest(@Size(max = 400) String name, @Size(max = 8000) String description, Reuse.Kind kind,
            @Size(max = 1000) String link, @Size(max = 100) List<@Valid UsedDataset> datasets) {

        Reuses.Submission submission() {
            return new Reuses.Submission(name, description, kind, link, datasets == null ? null
                    : datasets.stream().map(d -> d == null ? null
                            : new Reuses.UsedDataset(d.dataset(), d.obtainedOn())).toList());
        }
    }

    @GetMapping("/api/v1/public/reuses")
    @Operation(summary = "Approved apps and results, newest first; dataset: only those using it (its CKAN id or name)")
    List<ReuseView> published(@RequestParam(required = false) @Size(max = 100) String dataset,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return reuses.published(dataset, offset, limit).stream().map(views::forPublic).toList();
    }

    @GetMapping("/api/v1/public/reuses/{id}")
    ReuseView published(@PathVariable long id) {
        return views.forPublic(reuses.published(id));
    }

    @PostMapping(MINE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish an app or result: shown once the data authority approves it")
    ReuseView publish(@Valid @RequestBody ReuseRequest request, HttpServletRequest http) {
        return views.forHolder(reuses.publish(holder(), request.submission(), http.getRemoteAddr()));
    }

    @GetMapping(MINE)
    List<ReuseView> mine() {
        return reuses.mine(holder()).stream().map(views::forHolder).toList();
    }

    @GetMapping(MINE + "/{id}")
    ReuseView mine(@PathVariable long id) {
        return views.forHolder(reuses.own(holder(), id));
    }

    @PutMapping(MINE + "/{id}")
    @Operation(summary = "Change an app or result of one's own: it goes back to moderation")
    ReuseView edit(@PathVariable long id, @Valid @RequestBody ReuseRequest request, HttpServletRequest http) {
        return views.forHolder(reuses.edit(holder(), id, request.submission(), http.getRemoteAddr()));
    }

    @DeleteMapping(MINE + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, HttpServletRequest http) {
        reuses.delete(holder(), id, http.getRemoteAddr());
    }

    private static long holder() {
        return PublicAccess.requireAccountHolder(Actor.require());
    }
}

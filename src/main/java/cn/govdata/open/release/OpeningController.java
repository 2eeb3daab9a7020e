package cn.govdata.open.release;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.open.release.OpenedDataset.State;
import cn.govdata.open.release.Openings.OpenRequest;
import cn.govdata.open.release.Openings.OpeningView;
import cn.govdata.open.release.Openings.Preparation;
import cn.govdata.open.release.Openings.RuleChoice;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Opening datasets to the public, for the console (officials, bearer token). */
@RestController
@RequestMapping("/api/v1/open")
@Tag(name = "Open data", description = "opening published entries' datasets to the public: review, rules, withdrawal")
class OpeningController {

    /** A decision's note or a withdrawal's reason. */
    record Note(String note, String reason) {
    }

    record Rules(List<RuleChoice> rules) {
    }

    private final Openings openings;

    OpeningController(Openings openings) {
        this.openings = openings;
    }

    @GetMapping("/entries/{entryId}/check")
    @Operation(summary = "What opening the entry's dataset would take: whether it may be opened, each item's default "
            + "rule, and the personal data found in the first 10,000 records (provider's DATA_PROVIDER)")
    Preparation check(@PathVariable long entryId) {
        return openings.check(Actor.require(), entryId);
    }

    @PostMapping("/datasets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a published entry's dataset with the review (every aspect passed, reviewer, date) and a "
            + "rule per item where the default will not do; waits for the data authority where it confirms")
    OpeningView open(@RequestBody OpenRequest request) {
        return openings.open(Actor.require(), request);
    }

    @GetMapping("/datasets")
    @Operation(summary = "Openings of the caller's department (the data authority: of its region), newest first")
    List<OpeningView> list(@RequestParam(required = false) State state,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        return openings.list(Actor.require(), state, offset, limit);
    }

    @GetMapping("/datasets/{id}")
    @Operation(summary = "An opening with its rules and review")
    OpeningView view(@PathVariable long id) {
        return openings.view(Actor.require(), id);
    }

    @PostMapping("/datasets/{id}/confirm")
    @Operation(summary = "The data authority confirms an opening waiting for it (CATALOG_REVIEWER of the authority)")
    OpeningView confirm(@PathVariable long id, @RequestBody(required = false) Note note) {
        return openings.confirm(Actor.require(), id, note == null ? null : note.note());
    }

    @PostMapping("/datasets/{id}/reject")
    @Operation(summary = "The data authority refuses to confirm an opening, with its reason")
    OpeningView reject(@PathVariable long id, @RequestBody(required = false) Note note) {
        return openings.reject(Actor.require(), id, note == null ? null : note.reason());
    }

    @PostMapping("/datasets/{id}/withdraw")
    @Operation(summary = "Withdraw an opened dataset (its provider or the data authority), with the reason; harvesters "
            + "see it deleted")
    OpeningView withdraw(@PathVariable long id, @RequestBody(required = false) Note note) {
        return openings.withdraw(Actor.require(), id, note == null ? null : note.reason());
    }

    @PutMapping("/datasets/{id}/rules")
    @Operation(summary = "Change the desensitisation rules of an opened dataset, checked and scanned as at opening")
    OpeningView rules(@PathVariable long id, @RequestBody Rules rules) {
        return openings.changeRules(Actor.require(), id, rules.rules());
    }
}

package cn.govdata.supervise.violation;

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

/** Violations and correction orders (SUP-3). */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision", description = "violations, correction orders, scorecards and the yearly report")
class ViolationController {

    private final Violations violations;

    ViolationController(Violations violations) {
        this.violations = violations;
    }

    @GetMapping("/violations")
    @Operation(summary = "The region's violations (authority officers) or the caller's department's")
    List<ViolationView> list(@RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) ViolationStatus status, @RequestParam(required = false) Integer year) {
        return violations.list(Actor.require(), departmentId, status, year);
    }

    @GetMapping("/violations/{id}")
    ViolationView get(@PathVariable long id) {
        return violations.get(Actor.require(), id);
    }

    @PostMapping("/detect")
    @Operation(summary = "Run the detection now (authority officer or connected system); idempotent")
    DetectionReport detect() {
        return violations.detect(Actor.require());
    }

    record Note(String note) {
    }

    record Answer(String description) {
    }

    @PostMapping("/violations/{id}/order")
    @Operation(summary = "Issue a correction order (整改通知) due in the profile's working days")
    ViolationView order(@PathVariable long id, @RequestBody(required = false) Note note) {
        return violations.issueOrder(Actor.require(), id, note == null ? null : note.note());
    }

    @PostMapping("/violations/{id}/answer")
    @Operation(summary = "The department answers what it did")
    ViolationView answer(@PathVariable long id, @RequestBody Answer answer) {
        return violations.answer(Actor.require(), id, answer.description());
    }

    @PostMapping("/violations/{id}/recheck")
    @Operation(summary = "Re-check: closed when the rule no longer fires, else back to the department")
    ViolationView recheck(@PathVariable long id) {
        return violations.recheck(Actor.require(), id);
    }

    @PostMapping("/violations/{id}/escalate")
    @Operation(summary = "Escalate to a notice (通报) after the order ran out or a re-check still fired")
    ViolationView escalate(@PathVariable long id, @RequestBody Note note) {
        return violations.escalate(Actor.require(), id, note.note());
    }
}

package cn.govdata.security.assessment;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.security.assessment.Assessments.Assessment;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The departments' yearly security risk self-assessments (SEC-6). */
@RestController
@RequestMapping("/api/v1/security/assessments")
@Tag(name = "Security", description = "incidents and risk self-assessments")
class AssessmentController {

    record Year(int year) {
    }

    private final Assessments assessments;
    private final AssessmentChecklist checklist;

    AssessmentController(Assessments assessments, AssessmentChecklist checklist) {
        this.assessments = assessments;
        this.checklist = checklist;
    }

    @GetMapping("/checklist")
    List<AssessmentChecklist.Item> checklist() {
        Actor.require();
        return checklist.items();
    }

    @PostMapping("/open")
    @Operation(summary = "Open the year's self-assessment for every department of the region (due on the year's last "
            + "working day); departments that already have one are left alone")
    Map<String, Integer> open(@RequestBody Year year) {
        return Map.of("opened", assessments.open(Actor.require(), year.year()));
    }

    @GetMapping
    @Operation(summary = "The region's assessments of a year (the authority's security administrator), with overdue "
            + "marked, or the caller's department's own")
    List<Assessment> list(@RequestParam(required = false) Integer year) {
        return assessments.list(Actor.require(), year);
    }

    @GetMapping("/{id}")
    Assessment get(@PathVariable long id) {
        return assessments.get(Actor.require(), id);
    }

    @PutMapping("/{id}/items/{code}")
    @Operation(summary = "Answer an item: MET / PARTLY_MET / NOT_MET with evidence links, NOT_APPLICABLE with a note")
    Assessment answer(@PathVariable long id, @PathVariable String code, @RequestBody Assessments.AnswerForm form) {
        return assessments.answer(Actor.require(), id, code, form);
    }

    @PostMapping("/{id}/submit")
    Assessment submit(@PathVariable long id) {
        return assessments.submit(Actor.require(), id);
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "ACCEPT, or RETURN with a comment")
    Assessment review(@PathVariable long id, @RequestBody Assessments.Review review) {
        return assessments.review(Actor.require(), id, review);
    }
}

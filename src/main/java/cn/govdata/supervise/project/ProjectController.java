package cn.govdata.supervise.project;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import cn.govdata.supervise.project.Project.AcceptanceEvidence;
import cn.govdata.supervise.project.Projects.ProjectForm;
import io.swagger.v3.oas.annotations.Operation;

/** Information projects and their catalog checks (CAT-10). */
@RestController
@RequestMapping("/api/v1/supervision/projects")
class ProjectController {

    private final Projects projects;

    ProjectController(Projects projects) {
        this.projects = projects;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an information project of the caller's department with its catalog entries")
    Project register(@RequestBody ProjectForm form) {
        return projects.register(Actor.require(), form);
    }

    @GetMapping
    @Operation(summary = "The region's projects (authority officers) or the caller's department's")
    List<Project> list(@RequestParam(required = false) Long departmentId) {
        return projects.list(Actor.require(), departmentId);
    }

    @GetMapping("/{id}")
    Project get(@PathVariable long id) {
        return projects.get(Actor.require(), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a project (its checks must be run again)")
    Project change(@PathVariable long id, @RequestBody ProjectForm form) {
        return projects.change(Actor.require(), id, form);
    }

    @PostMapping("/{id}/approval-check")
    @Operation(summary = "Check the project's catalog is complete before approval; says what is missing")
    Project checkBeforeApproval(@PathVariable long id) {
        return projects.checkBeforeApproval(Actor.require(), id);
    }

    @PostMapping("/{id}/acceptance-check")
    @Operation(summary = "Acceptance check (验收): entries published and data aggregated; keeps the evidence")
    Project checkAcceptance(@PathVariable long id) {
        return projects.checkAcceptance(Actor.require(), id);
    }

    @GetMapping(value = "/{id}/acceptance.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The acceptance evidence as JSON")
    ResponseEntity<AcceptanceEvidence> evidence(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("project-" + id + "-acceptance.json").build().toString())
                .body(projects.evidence(Actor.require(), id));
    }
}

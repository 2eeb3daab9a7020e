package cn.govdata.supervise.assessor;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;

/** Third-party assessors' time-boxed read access to the region's supervision data (SUP-5). */
@RestController
@RequestMapping("/api/v1/supervision/assessors")
class AssessorController {

    private final AssessorAccess access;

    AssessorController(AssessorAccess access) {
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The region's assessor grants, newest first (authority officers)")
    List<AssessorAccess.Grant> list() {
        return access.list(Actor.require());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Grant an assessor (a user with the assessor role, outside the authority) read access to "
            + "the region's supervision data from one date to another (authority officers)")
    AssessorAccess.Grant grant(@RequestBody AssessorAccess.GrantRequest request) {
        return access.grant(Actor.require(), request);
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "End an assessor's access now (authority officers)")
    AssessorAccess.Grant revoke(@PathVariable long id) {
        return access.revoke(Actor.require(), id);
    }
}

package cn.govdata.share;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.share.Grants.Grant;
import cn.govdata.share.ShareApplications.Application;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Grants: listing by side and status, revocation, renewal. */
@RestController
@RequestMapping("/api/v1/share/grants")
@Tag(name = "Share grants", description = "who may use what, how, why and until when")
class GrantController {

    private final Grants grants;
    private final ShareApplications applications;

    GrantController(Grants grants, ShareApplications applications) {
        this.grants = grants;
        this.applications = applications;
    }

    @GetMapping
    @Operation(summary = "Grants of a side: CONSUMER (default), PROVIDER, AUTHORITY; status ACTIVE, SCHEDULED, "
            + "EXPIRED, REVOKED")
    List<Grant> list(@RequestParam(required = false) String side, @RequestParam(required = false) String status) {
        return grants.list(Actor.require(), side, status);
    }

    @GetMapping("/{id}")
    Grant get(@PathVariable long id) {
        return grants.get(Actor.require(), id);
    }

    record Revocation(String reason) {
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke at once, with a reason (the provider's or the authority's share approver)")
    Grant revoke(@PathVariable long id, @RequestBody(required = false) Revocation revocation) {
        return grants.revoke(Actor.require(), id, revocation == null ? null : revocation.reason());
    }

    @PostMapping("/{id}/renewal")
    @Operation(summary = "Start a renewal: a draft application pre-filled from the grant, for the following period")
    ResponseEntity<Application> renew(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(applications.renew(Actor.require(), id));
    }
}

package cn.govdata.share.grant;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.share.grant.Grants.Grant;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Grants: listing by side and status, revocation (a renewal is a new application: {@code application}). */
@RestController
@RequestMapping("/api/v1/share/grants")
@Tag(name = "Share grants", description = "who may use what, how, why and until when")
class GrantController {

    private final Grants grants;

    GrantController(Grants grants) {
        this.grants = grants;
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
}

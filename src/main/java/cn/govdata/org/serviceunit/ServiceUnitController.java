package cn.govdata.org.serviceunit;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.org.serviceunit.ServiceUnits.Authorisation;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;

/** Technical service units under the data authority's authorisation (ORG-4). */
@RestController
@RequestMapping("/api/v1/org/service-units")
class ServiceUnitController {

    private final ServiceUnits units;

    ServiceUnitController(ServiceUnits units) {
        this.units = units;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Authorise a technical service unit (the authority's system administrator)")
    ServiceUnit authorise(@RequestBody Authorisation authorisation) {
        return units.authorise(Actor.require(), authorisation);
    }

    @GetMapping
    List<ServiceUnit> list() {
        return units.list(Actor.require());
    }

    @GetMapping("/{id}")
    ServiceUnit get(@PathVariable long id) {
        return units.get(Actor.require(), id);
    }

    record Member(Long userId) {
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Link an account of one of the unit's departments to the unit")
    ServiceUnit link(@PathVariable long id, @RequestBody Member member) {
        return units.link(Actor.require(), id, member.userId());
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke the authorisation; its users keep no role from the next request on")
    ServiceUnit revoke(@PathVariable long id) {
        return units.revoke(Actor.require(), id);
    }
}

package cn.govdata.org;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.org.Departments.Department;
import cn.govdata.org.Departments.Type;
import cn.govdata.org.Divisions.Division;
import cn.govdata.org.Regions.Region;
import cn.govdata.org.Rosters.Person;
import cn.govdata.org.Rosters.Roster;
import cn.govdata.org.Rosters.RosterContent;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.PlainText;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Regions, departments and rosters (ORG-1, ORG-2). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation", description = "regions, departments and their rosters")
@Validated
class OrganisationController {

    private final Divisions divisions;
    private final Regions regions;
    private final Departments departments;
    private final Rosters rosters;

    OrganisationController(Divisions divisions, Regions regions, Departments departments, Rosters rosters) {
        this.divisions = divisions;
        this.regions = regions;
        this.departments = departments;
        this.rosters = rosters;
    }

    @GetMapping("/divisions")
    List<Division> divisions(@RequestParam(required = false) String parent, @RequestParam(required = false) String q) {
        Actor.require();
        return divisions.children(parent, q);
    }

    @GetMapping("/regions")
    List<Region> regions() {
        Actor.require();
        return regions.all();
    }

    record RegionRequest(@NotBlank @Size(min = 6, max = 6) String divisionCode, @Size(max = 100) @PlainText String name,
            Long parentId) {
    }

    @PostMapping("/regions")
    ResponseEntity<Region> createRegion(@Valid @RequestBody RegionRequest request) {
        Region region = regions.create(Actor.require(),
                new Regions.NewRegion(request.divisionCode(), request.name(), request.parentId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(region);
    }

    @GetMapping("/regions/{id}")
    Region region(@PathVariable long id) {
        Actor.require();
        return regions.get(id);
    }

    @GetMapping("/departments")
    List<Department> departments(@RequestParam(required = false) Long regionId) {
        Actor.require();
        return departments.list(regionId);
    }

    record DepartmentRequest(@NotNull Long regionId, @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank String creditCode, @NotNull Type type, Long parentId, Boolean authority) {
    }

    @PostMapping("/departments")
    ResponseEntity<Department> createDepartment(@Valid @RequestBody DepartmentRequest request) {
        Department department = departments.create(Actor.require(), new Departments.NewDepartment(request.regionId(),
                request.name(), request.creditCode(), request.type(), request.parentId(),
                Boolean.TRUE.equals(request.authority())));
        return ResponseEntity.status(HttpStatus.CREATED).body(department);
    }

    @GetMapping("/departments/{id}")
    Department department(@PathVariable long id) {
        Actor.require();
        return departments.get(id);
    }

    record DepartmentChangeRequest(@NotBlank @Size(max = 200) @PlainText String name, @NotNull Type type, Long parentId) {
    }

    @PutMapping("/departments/{id}")
    Department updateDepartment(@PathVariable long id, @Valid @RequestBody DepartmentChangeRequest request) {
        return departments.update(Actor.require(), id,
                new Departments.DepartmentChange(request.name(), request.type(), request.parentId()));
    }

    @GetMapping("/departments/{id}/roster")
    Roster roster(@PathVariable long id) {
        return rosters.current(Actor.require(), id).orElseThrow(() -> DomainException.notFound("roster", id));
    }

    record RosterRequest(@NotNull @Valid Person leader, @NotNull @Valid Person manager,
            @Size(max = 20) List<@Valid Person> contacts, @Size(max = 500) @PlainText(multiline = true) String reason) {
    }

    @PutMapping("/departments/{id}/roster")
    Roster changeRoster(@PathVariable long id, @Valid @RequestBody RosterRequest request) {
        RosterContent content = new RosterContent(request.leader(), request.manager(),
                request.contacts() == null ? List.of() : request.contacts());
        return rosters.change(Actor.require(), id, content, request.reason());
    }

    @GetMapping("/departments/{id}/roster/history")
    List<Roster> rosterHistory(@PathVariable long id) {
        return rosters.history(Actor.require(), id);
    }
}

package cn.govdata.org;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.org.ChiefDataOfficers.Appointment;
import cn.govdata.org.ChiefDataOfficers.Term;
import cn.govdata.shared.Actor;
import cn.govdata.shared.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Chief data officers (ORG-3) under {@code /api/v1/org}: an office of the organisation like the roster, so it lives
 * with the departments and users it is made of; supervision reads it from here.
 */
@RestController
@RequestMapping("/api/v1/org/chief-data-officers")
@Tag(name = "Organisation", description = "regions, departments and their rosters")
@Validated
class ChiefDataOfficerController {

    private final ChiefDataOfficers officers;

    ChiefDataOfficerController(ChiefDataOfficers officers) {
        this.officers = officers;
    }

    @GetMapping
    @Operation(summary = "The chief data officers of the caller's region in office (history on request)")
    List<Term> list(@RequestParam(required = false) Long departmentId,
            @RequestParam(defaultValue = "false") boolean history) {
        return officers.list(Actor.require(), departmentId, history);
    }

    record AppointmentRequest(Long departmentId, @NotNull Long userId, @NotNull LocalDate appointedOn,
            @Size(max = 2000) @PlainText(multiline = true) String duties,
            @Size(max = 200) @PlainText String contact) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Appoint a chief data officer of a department, or of the region without departmentId")
    Term appoint(@Valid @RequestBody AppointmentRequest request) {
        return officers.appoint(Actor.require(), new Appointment(request.departmentId(), request.userId(),
                request.appointedOn(), request.duties(), request.contact()));
    }

    record EndRequest(@NotNull LocalDate endedOn, @NotBlank @Size(max = 500) @PlainText String reason) {
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End a term of office without successor (removal)")
    Term end(@PathVariable long id, @Valid @RequestBody EndRequest request) {
        return officers.end(Actor.require(), id, request.endedOn(), request.reason());
    }
}

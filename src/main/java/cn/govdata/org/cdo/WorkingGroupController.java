package cn.govdata.org.cdo;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.org.cdo.WorkingGroup.Appointment;
import cn.govdata.org.cdo.WorkingGroup.Member;
import cn.govdata.shared.Actor;
import cn.govdata.shared.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The chief data officer's working group (ORG-3) under {@code /api/v1/org/working-group}. */
@RestController
@RequestMapping("/api/v1/org/working-group")
@Tag(name = "Organisation", description = "regions, departments and their rosters")
@Validated
class WorkingGroupController {

    private final WorkingGroup workingGroup;

    WorkingGroupController(WorkingGroup workingGroup) {
        this.workingGroup = workingGroup;
    }

    @GetMapping
    @Operation(summary = "The working-group members of the caller's region serving (history on request)")
    List<Member> list(@RequestParam(required = false) Long departmentId,
            @RequestParam(defaultValue = "false") boolean history) {
        return workingGroup.list(Actor.require(), departmentId, history);
    }

    record AppointmentRequest(Long departmentId, @NotNull Long userId, @NotNull WorkingGroupRole role,
            @NotNull LocalDate appointedOn, @Size(max = 2000) @PlainText(multiline = true) String duties) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Appoint a working-group member of a department, or of the region without departmentId")
    Member appoint(@Valid @RequestBody AppointmentRequest request) {
        return workingGroup.appoint(Actor.require(), new Appointment(request.departmentId(), request.userId(),
                request.role(), request.appointedOn(), request.duties()));
    }

    record EndRequest(@NotNull LocalDate endedOn, @NotBlank @Size(max = 500) @PlainText String reason) {
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End a working-group member's term")
    Member end(@PathVariable long id, @Valid @RequestBody EndRequest request) {
        return workingGroup.end(Actor.require(), id, request.endedOn(), request.reason());
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach the document of a member's appointment (PDF, JPEG, PNG)")
    AppointmentDocuments.Document addDocument(@PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file) {
        return workingGroup.addDocument(Actor.require(), id, file);
    }
}

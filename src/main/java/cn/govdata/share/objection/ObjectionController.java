package cn.govdata.share.objection;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.share.objection.Objections.Evidence;
import cn.govdata.share.objection.Objections.NewObjection;
import cn.govdata.share.objection.Objections.Objection;
import cn.govdata.shared.Actor;
import cn.govdata.shared.StoredFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** Objections to shared data and their re-verification (SHR-7). */
@RestController
@RequestMapping("/api/v1/share/objections")
@Tag(name = "Share objections", description = "objections to shared data and their re-verification (疑义与复核)")
class ObjectionController {

    private final Objections objections;

    ObjectionController(Objections objections) {
        this.objections = objections;
    }

    @PostMapping
    @Operation(summary = "Raise an objection to a data item of a record (a data user under a grant, or the authority)")
    ResponseEntity<Objection> raise(@RequestBody NewObjection request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(objections.raise(Actor.require(), request));
    }

    @GetMapping
    @Operation(summary = "Objections of a side: RAISER (default), PROVIDER, AUTHORITY; status OPEN, CORRECTED, CONFIRMED")
    List<Objection> list(@RequestParam(required = false) String side, @RequestParam(required = false) String status) {
        return objections.list(Actor.require(), side, status);
    }

    @GetMapping("/overdue")
    @Operation(summary = "Open objections past their due date (the authority's officers)")
    List<Objection> overdue() {
        return objections.overdue(Actor.require());
    }

    @GetMapping("/{id}")
    @Operation(summary = "An objection with its evidence and timeline, for the raiser, the provider and the authority")
    Objection get(@PathVariable long id) {
        return objections.get(Actor.require(), id);
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach an evidence file (PDF, OFD, JPEG, PNG) to an open objection (the raising department)")
    ResponseEntity<Evidence> addEvidence(@PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).body(objections.addEvidence(Actor.require(), id, file));
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    @Operation(summary = "Download an evidence file (the parties only; audited)")
    void download(@PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response)
            throws IOException {
        Objections.Download download = objections.download(Actor.require(), id, evidenceId);
        StoredFiles.serve(download.file(), download.evidence().contentType(), download.evidence().fileName(), response);
    }

    record Note(String note) {
    }

    @PostMapping("/{id}/forward")
    @Operation(summary = "Forward to the providing department (the authority, route AUTHORITY)")
    Objection forward(@PathVariable long id, @RequestBody(required = false) Note note) {
        return objections.forward(Actor.require(), id, note == null ? null : note.note());
    }

    record ExtensionRequest(Integer workingDays, String reason) {
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "Ask for the one extension of the check (the provider's handler), at most the profile's days")
    Objection requestExtension(@PathVariable long id, @RequestBody ExtensionRequest request) {
        return objections.requestExtension(Actor.require(), id, request.workingDays(), request.reason());
    }

    record ExtensionDecision(Boolean consent, String note) {
    }

    @PostMapping("/{id}/extension/decision")
    @Operation(summary = "Consent to or refuse the extension asked for (the provider's department admin or share "
            + "approver, or the authority; never the person who asked)")
    Objection decideExtension(@PathVariable long id, @RequestBody ExtensionDecision decision) {
        return objections.decideExtension(Actor.require(), id, decision.consent(), decision.note());
    }

    record Correction(String value, String note) {
    }

    @PostMapping("/{id}/correct")
    @Operation(summary = "Correct the record in the lake (a new version; the value defaults to the one proposed)")
    Objection correct(@PathVariable long id, @RequestBody(required = false) Correction correction) {
        return objections.correct(Actor.require(), id, correction == null ? null : correction.value(),
                correction == null ? null : correction.note());
    }

    record Confirmation(String reasons) {
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Confirm the stored value, with reasons")
    Objection confirm(@PathVariable long id, @RequestBody(required = false) Confirmation confirmation) {
        return objections.confirm(Actor.require(), id, confirmation == null ? null : confirmation.reasons());
    }
}

package cn.govdata.share.application;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.share.application.Attachments.Attachment;
import cn.govdata.share.application.ShareApplications.Application;
import cn.govdata.share.application.ShareForms.ApplicationForm;
import cn.govdata.share.application.ShareForms.Approval;
import cn.govdata.share.application.ShareForms.CoordinationDecision;
import cn.govdata.share.application.ShareForms.Refusal;
import cn.govdata.share.grant.Grants.Grant;
import cn.govdata.shared.Actor;
import cn.govdata.shared.StoredFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sharing between departments: the share catalog, requests, applications with their materials, decisions,
 * coordination and timelines (SHR-1 … SHR-4), and the renewal of a grant (a new application).
 */
@RestController
@RequestMapping("/api/v1/share")
@Tag(name = "Share", description = "share catalog, requests, applications, decisions, coordination")
class ShareController {

    private final ShareCatalogView catalog;
    private final ShareApplications applications;
    private final ShareDecisions decisions;
    private final Attachments attachments;

    ShareController(ShareCatalogView catalog, ShareApplications applications, ShareDecisions decisions,
            Attachments attachments) {
        this.catalog = catalog;
        this.applications = applications;
        this.decisions = decisions;
        this.attachments = attachments;
    }

    @GetMapping("/catalog")
    @Operation(summary = "The region's published entries by share type, with what the caller's department may use "
            + "now, holds and has applied for")
    ShareCatalogView.Page catalog(@RequestParam(required = false) String shareType,
            @RequestParam(required = false) Long departmentId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return catalog.view(Actor.require(), shareType, departmentId, page, size);
    }

    @PostMapping("/requests")
    @Operation(summary = "Request unconditional data (a data user): the grant is issued at once")
    ResponseEntity<Grant> request(@RequestBody ApplicationForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(applications.request(Actor.require(), form));
    }

    @PostMapping("/applications")
    @Operation(summary = "Draft an application for conditional data (a data user); attach the materials, then submit")
    ResponseEntity<Application> draft(@RequestBody ApplicationForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(applications.draft(Actor.require(), form));
    }

    @GetMapping("/applications")
    @Operation(summary = "Applications of a side: APPLICANT (default), PROVIDER, AUTHORITY; optionally of a status")
    List<Application> list(@RequestParam(required = false) String side, @RequestParam(required = false) String status) {
        return applications.list(Actor.require(), side, status);
    }

    @GetMapping("/applications/{id}")
    Application get(@PathVariable long id) {
        return applications.get(Actor.require(), id);
    }

    @PutMapping("/applications/{id}")
    @Operation(summary = "Change a draft")
    Application update(@PathVariable long id, @RequestBody ApplicationForm form) {
        return applications.update(Actor.require(), id, form);
    }

    @PostMapping("/applications/{id}/submit")
    @Operation(summary = "Submit a draft: every material attached; routed per the policy profile with its deadline")
    Application submit(@PathVariable long id) {
        return applications.submit(Actor.require(), id);
    }

    @PostMapping("/applications/{id}/withdraw")
    Application withdraw(@PathVariable long id) {
        return applications.withdraw(Actor.require(), id);
    }

    @PostMapping("/grants/{grantId}/renewal")
    @Operation(summary = "Start a renewal: a draft application pre-filled from the grant, for the following period")
    ResponseEntity<Application> renew(@PathVariable long grantId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(applications.renew(Actor.require(), grantId));
    }

    @GetMapping("/applications/{id}/timeline")
    @Operation(summary = "Every event of the application, for both sides")
    List<Timeline.Event> timeline(@PathVariable long id) {
        return applications.timeline(Actor.require(), id);
    }

    // --- attachments ------------------------------------------------------------------------------------------

    @PostMapping(path = "/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file (PDF, OFD, JPEG, PNG) for a material the entry asks for, by its text or index")
    ResponseEntity<Attachment> attach(@PathVariable long id, @RequestParam(required = false) String material,
            @RequestParam(value = "file", required = false) MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).body(attachments.add(Actor.require(), id, material, file));
    }

    @GetMapping("/applications/{id}/attachments")
    List<Attachment> attachments(@PathVariable long id) {
        return attachments.list(Actor.require(), id);
    }

    @GetMapping("/applications/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment (the parties to the application only)")
    void download(@PathVariable long id, @PathVariable long attachmentId, HttpServletResponse response)
            throws IOException {
        Attachments.Download download = attachments.download(Actor.require(), id, attachmentId);
        StoredFiles.serve(download.file(), download.attachment().contentType(), download.attachment().fileName(),
                response);
    }

    @DeleteMapping("/applications/{id}/attachments/{attachmentId}")
    ResponseEntity<Void> removeAttachment(@PathVariable long id, @PathVariable long attachmentId) {
        attachments.remove(Actor.require(), id, attachmentId);
        return ResponseEntity.noContent().build();
    }

    // --- decisions --------------------------------------------------------------------------------------------

    @GetMapping("/inbox")
    @Operation(summary = "Applications waiting for the caller's decision, earliest due first, with due-soon and "
            + "overdue flags")
    List<Application> inbox() {
        return applications.inbox(Actor.require());
    }

    @GetMapping("/overdue")
    @Operation(summary = "The region's pending applications past their reply deadline (the authority's approver)")
    List<Application> overdue() {
        return applications.overdue(Actor.require());
    }

    @PostMapping("/applications/{id}/approve")
    @Operation(summary = "Approve at the current stage, optionally narrowed (items, rowFilter, period, ways, systems) "
            + "and with the grant's rateLimit and dailyQuota")
    Application approve(@PathVariable long id, @RequestBody(required = false) Approval approval) {
        return decisions.approve(Actor.require(), id, approval);
    }

    @PostMapping("/applications/{id}/refuse")
    @Operation(summary = "Refuse with a reason and the legal basis (kind, title, article)")
    Application refuse(@PathVariable long id, @RequestBody(required = false) Refusal refusal) {
        return decisions.refuse(Actor.require(), id, refusal);
    }

    // --- coordination (NX11) ----------------------------------------------------------------------------------

    record CoordinationRequest(String negotiation) {
    }

    record Note(String note) {
    }

    @PostMapping("/coordinations")
    @Operation(summary = "Ask the authority to coordinate a not-shared entry the department needs (with the "
            + "application's fields and the negotiation with the provider)")
    ResponseEntity<Application> coordinateNotShared(@RequestBody ApplicationForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(decisions.coordinateNotShared(Actor.require(), form));
    }

    @PostMapping("/applications/{id}/coordination")
    @Operation(summary = "Take a refused application to the authority's coordination (once)")
    Application requestCoordination(@PathVariable long id, @RequestBody(required = false) CoordinationRequest request) {
        return decisions.requestCoordination(Actor.require(), id, request == null ? null : request.negotiation());
    }

    @PostMapping("/applications/{id}/coordination/notes")
    @Operation(summary = "The authority records the negotiation")
    Application note(@PathVariable long id, @RequestBody(required = false) Note note) {
        return decisions.note(Actor.require(), id, note == null ? null : note.note());
    }

    @PostMapping("/applications/{id}/coordination/decide")
    @Operation(summary = "The authority decides: GRANT (may narrow) or REFUSE (reason and legal basis)")
    Application decide(@PathVariable long id, @RequestBody(required = false) CoordinationDecision decision) {
        return decisions.decideCoordination(Actor.require(), id, decision);
    }
}

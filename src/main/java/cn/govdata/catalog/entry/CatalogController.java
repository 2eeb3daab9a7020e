package cn.govdata.catalog.entry;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.entry.CatalogEntry.EntryVersion;
import cn.govdata.catalog.entry.CatalogLeads.Lead;
import cn.govdata.catalog.entry.DuplicateDetection.Duplicate;
import cn.govdata.catalog.entry.UpdateObligations.Obligation;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;

/** The catalog's lifecycle, lead departments, duplicates and update obligations (CAT-1 … CAT-8). */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog", description = "compile, review, publish and keep current the resource catalog")
class CatalogController {

    private final CatalogEntries entries;
    private final CatalogLeads leads;
    private final DuplicateDetection duplicates;
    private final UpdateObligations obligations;

    CatalogController(CatalogEntries entries, CatalogLeads leads, DuplicateDetection duplicates,
            UpdateObligations obligations) {
        this.entries = entries;
        this.leads = leads;
        this.duplicates = duplicates;
        this.obligations = obligations;
    }

    @GetMapping("/vocabulary")
    @Operation(summary = "Classifications, formats, data types and other code lists an entry uses")
    Map<String, Object> vocabulary() {
        return CatalogCodeLists.all();
    }

    // --- entries -------------------------------------------------------------------------------------------

    @GetMapping("/entries")
    @Operation(summary = "Entries of a department with their working versions (default: the caller's department)")
    List<CatalogEntry> departmentEntries(@RequestParam(required = false) Long departmentId) {
        return entries.ofDepartment(Actor.require(), departmentId);
    }

    @GetMapping("/review-queue")
    @Operation(summary = "Submitted versions awaiting the data authority's review")
    List<CatalogEntry> reviewQueue() {
        return entries.reviewQueue(Actor.require());
    }

    record NewEntryRequest(@NotNull EntryContent content,
            @Size(max = 40) String parentCode,
            @Size(max = 2000) String changeNote) {
    }

    @PostMapping("/entries")
    @Operation(summary = "Draft a new entry for the caller's department; the resource code is assigned now")
    ResponseEntity<CatalogEntry> create(@Valid @RequestBody NewEntryRequest request) {
        CatalogEntry entry = entries.create(Actor.require(),
                new CatalogEntries.NewEntry(request.content(), request.parentCode(), request.changeNote()));
        return ResponseEntity.status(HttpStatus.CREATED).body(entry);
    }

    @GetMapping("/entries/{id}")
    CatalogEntry entry(@PathVariable long id) {
        return entries.get(Actor.require(), id);
    }

    record EntryChangeRequest(@NotNull EntryContent content,
            @Size(max = 40) String parentCode,
            @Size(max = 2000) String changeNote, Integer revision) {
    }

    @PutMapping("/entries/{id}")
    @Operation(summary = "Save the working version (a published entry gets a new draft version); "
            + "revision must be the one last read, else 409 VERSION_CONFLICT")
    CatalogEntry update(@PathVariable long id, @Valid @RequestBody EntryChangeRequest request) {
        return entries.update(Actor.require(), id, new CatalogEntries.EntryChange(request.content(),
                request.parentCode(), request.changeNote(), request.revision()));
    }

    record SubmitRequest(Integer revision) {
    }

    @PostMapping("/entries/{id}/submit")
    @Operation(summary = "Submit the working version for review; every rule of the region's profile is checked")
    CatalogEntry submit(@PathVariable long id, @RequestBody(required = false) SubmitRequest request) {
        return entries.submit(Actor.require(), id, request == null ? null : request.revision());
    }

    @PostMapping("/entries/{id}/withdraw")
    CatalogEntry withdraw(@PathVariable long id) {
        return entries.withdraw(Actor.require(), id);
    }

    record CommentRequest(@Size(max = 2000) String comment) {
    }

    @PostMapping("/entries/{id}/return")
    @Operation(summary = "Return a submission with comments (data authority)")
    CatalogEntry returnForChanges(@PathVariable long id,
            @Valid @RequestBody CommentRequest request) {
        return entries.returnForChanges(Actor.require(), id, request.comment());
    }

    record PublishRequest(Boolean consentToLocalEntry) {
    }

    @PostMapping("/entries/{id}/publish")
    @Operation(summary = "Publish a submission (data authority); a local entry of a lower level needs consent")
    CatalogEntry publish(@PathVariable long id, @RequestBody(required = false) PublishRequest request) {
        return entries.publish(Actor.require(), id,
                request != null && Boolean.TRUE.equals(request.consentToLocalEntry()));
    }

    record ReasonRequest(@Size(max = 1000) String reason) {
    }

    @PostMapping("/entries/{id}/retire")
    @Operation(summary = "Retire an entry; it is kept with all versions and its code is never reused")
    CatalogEntry retire(@PathVariable long id, @Valid @RequestBody ReasonRequest request) {
        return entries.retire(Actor.require(), id, request.reason());
    }

    @GetMapping("/entries/{id}/versions")
    List<EntryVersion> versions(@PathVariable long id) {
        return entries.versions(Actor.require(), id);
    }

    @GetMapping("/entries/{id}/versions/{version}")
    EntryVersion version(@PathVariable long id, @PathVariable int version) {
        return entries.version(Actor.require(), id, version);
    }

    @GetMapping("/entries/{id}/diff")
    @Operation(summary = "Fields and data items changed between two versions")
    VersionDiff diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return entries.diff(Actor.require(), id, from, to);
    }

    // --- lead departments, duplicates, obligations ---------------------------------------------------------

    @GetMapping("/leads")
    @Operation(summary = "Lead departments of the base and thematic resources of the caller's region")
    List<Lead> leads() {
        return leads.list(Actor.require().regionId());
    }

    record LeadRequest(@NotNull Long departmentId) {
    }

    @PutMapping("/leads/{subjectCode}")
    @Operation(summary = "Designate the lead department of a base or thematic subject (data authority)")
    Lead designateLead(@PathVariable String subjectCode, @RequestBody LeadRequest request) {
        return leads.designate(Actor.require(), subjectCode, request.departmentId() == null ? -1 : request.departmentId());
    }

    @GetMapping("/duplicates")
    List<Duplicate> duplicates(@RequestParam(required = false) DuplicateDetection.Status status) {
        return duplicates.list(Actor.require(), status);
    }

    record DesignationRequest(Long collectingDepartmentId,
            @Size(max = 1000) String note) {
    }

    @PostMapping("/duplicates/{id}/designate")
    @Operation(summary = "Designate the collecting department of two entries describing the same data")
    Duplicate designate(@PathVariable long id, @Valid @RequestBody DesignationRequest request) {
        return duplicates.designate(Actor.require(), id,
                request.collectingDepartmentId() == null ? -1 : request.collectingDepartmentId(), request.note());
    }

    @PostMapping("/duplicates/{id}/dismiss")
    Duplicate dismiss(@PathVariable long id,
            @Valid @RequestBody(required = false) CommentRequest request) {
        return duplicates.dismiss(Actor.require(), id, request == null ? null : request.comment());
    }

    @GetMapping("/obligations")
    @Operation(summary = "Update obligations of a department, or (data authority, no department) of the region")
    List<Obligation> obligations(@RequestParam(required = false) Long departmentId,
            @RequestParam(defaultValue = "false") boolean openOnly) {
        return obligations.list(Actor.require(), departmentId, openOnly);
    }

    @PostMapping("/obligations")
    @Operation(summary = "Record a trigger that obliges a department to update its catalog")
    ResponseEntity<Obligation> recordObligation(
            @Valid @RequestBody UpdateObligations.NewObligation request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(obligations.record(Actor.require(), request));
    }
}

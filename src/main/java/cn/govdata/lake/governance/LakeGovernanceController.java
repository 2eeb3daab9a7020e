package cn.govdata.lake.governance;

import java.util.List;

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

import cn.govdata.lake.governance.DeletionRequests.DeletionRequest;
import cn.govdata.lake.governance.DeletionRequests.NewRequest;
import cn.govdata.lake.governance.Discrepancies.Discrepancy;
import cn.govdata.lake.governance.Discrepancies.Resolution;
import cn.govdata.lake.governance.Discrepancies.ScanReport;
import cn.govdata.lake.governance.SourceDesignations.Designation;
import cn.govdata.lake.governance.SourceDesignations.DesignationRequest;
import cn.govdata.lake.governance.SourceDesignations.RepeatedCollection;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Governance of the lake: authoritative sources and repeated collection (AGG-3, AGG-8), cross-department
 * discrepancies (AGG-6) and deletion requests (AGG-7).
 */
@RestController
@RequestMapping("/api/v1/lake")
@Tag(name = "Lake governance", description = "one data item one source, discrepancies, deletion requests")
class LakeGovernanceController {

    private final SourceDesignations sources;
    private final Discrepancies discrepancies;
    private final DeletionRequests deletions;

    LakeGovernanceController(SourceDesignations sources, Discrepancies discrepancies, DeletionRequests deletions) {
        this.sources = sources;
        this.discrepancies = discrepancies;
        this.deletions = deletions;
    }

    // --- one data item, one source -------------------------------------------------------------------------

    @GetMapping("/sources")
    @Operation(summary = "The region's authoritative source department per data element")
    List<Designation> sources() {
        return sources.list(Actor.require());
    }

    @PutMapping("/sources")
    @Operation(summary = "Replace the region's designations (authority: catalog reviewer or system administrator); "
            + "datasets that collect a designated element again are flagged")
    List<Designation> designate(@RequestBody List<DesignationRequest> designations) {
        return sources.replace(Actor.require(), designations);
    }

    @GetMapping("/repeated-collections")
    List<RepeatedCollection> repeatedCollections(@RequestParam(required = false) String status) {
        return sources.repeatedCollections(Actor.require(), status);
    }

    record FlagDecision(String decision, String note) {
    }

    @PostMapping("/repeated-collections/{id}/decide")
    @Operation(summary = "The authority decides a repeated collection: ALLOWED or SHARE_INSTEAD")
    RepeatedCollection decideFlag(@PathVariable long id, @RequestBody FlagDecision decision) {
        return sources.decide(Actor.require(), id, decision.decision(), decision.note());
    }

    // --- discrepancies ---------------------------------------------------------------------------------------

    @PostMapping("/discrepancies/scan")
    @Operation(summary = "Compare the region's datasets of different departments keyed by the same entity standard")
    ScanReport scan() {
        return discrepancies.scan(Actor.require());
    }

    @GetMapping("/discrepancies")
    List<Discrepancy> discrepancies(@RequestParam(required = false) String status) {
        return discrepancies.list(Actor.require(), status);
    }

    @PostMapping("/discrepancies/{id}/resolve")
    @Operation(summary = "Settle (a department holding a side) or decide (the authority) an open discrepancy")
    Discrepancy resolve(@PathVariable long id, @RequestBody Resolution resolution) {
        return discrepancies.resolve(Actor.require(), id, resolution);
    }

    // --- deletion requests -----------------------------------------------------------------------------------

    @PostMapping("/datasets/{id}/deletions")
    @Operation(summary = "Ask for records to be deleted (the department's data provider)")
    ResponseEntity<DeletionRequest> requestDeletion(@PathVariable long id, @RequestBody NewRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(deletions.request(Actor.require(), id, request));
    }

    @GetMapping("/datasets/{id}/deletions")
    List<DeletionRequest> datasetDeletions(@PathVariable long id) {
        return deletions.list(Actor.require(), id);
    }

    @GetMapping("/deletions")
    List<DeletionRequest> deletions(@RequestParam(required = false) String status) {
        return deletions.queue(Actor.require(), status);
    }

    record Decision(String reason) {
    }

    @PostMapping("/deletions/{id}/approve")
    @Operation(summary = "Approve a deletion request (department head or authority, not the requester): tombstones")
    DeletionRequest approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return deletions.decide(Actor.require(), id, true, decision == null ? null : decision.reason());
    }

    @PostMapping("/deletions/{id}/reject")
    @Operation(summary = "Reject a deletion request with a reason")
    DeletionRequest reject(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return deletions.decide(Actor.require(), id, false, decision == null ? null : decision.reason());
    }
}

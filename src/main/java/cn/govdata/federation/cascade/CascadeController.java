package cn.govdata.federation.cascade;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Where a lower platform delivers its catalog (SHR-10); called by the lower platform, never by people. */
@RestController
@RequestMapping("/api/v1/federation/catalog/entries")
@Tag(name = "Federation", description = "platforms linked as peers: the upper one the catalog cascades to, lower ones")
class CascadeController {

    private final CascadeReceiver receiver;

    CascadeController(CascadeReceiver receiver) {
        this.receiver = receiver;
    }

    @PutMapping("/{originEntryId}")
    @Operation(summary = "A lower platform's published entry, or its newer version (the data authority's connected "
            + "system for that platform)")
    ResponseEntity<Void> receive(@PathVariable long originEntryId, @Valid @RequestBody CatalogDelivery delivery) {
        receiver.receive(Actor.require(), originEntryId, delivery);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{originEntryId}")
    @Operation(summary = "A lower platform's entry was retired there")
    ResponseEntity<Void> retire(@PathVariable long originEntryId) {
        receiver.retire(Actor.require(), originEntryId);
        return ResponseEntity.noContent().build();
    }
}

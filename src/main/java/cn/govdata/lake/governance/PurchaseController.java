package cn.govdata.lake.governance;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;

/** Purchases of social data filed with the data authority (AGG-5). */
@RestController
@RequestMapping("/api/v1/lake")
@Tag(name = "Lake", description = "datasets, bulk ingestion, batch quality reports, record history")
class PurchaseController {

    private final PurchaseFilings purchases;

    PurchaseController(PurchaseFilings purchases) {
        this.purchases = purchases;
    }

    @PostMapping("/purchases")
    @Operation(summary = "File a purchase of social data with the data authority before it happens (AGG-5); "
            + "the answer lists the published entries that already hold some of the items")
    ResponseEntity<PurchaseFilings.Filing> filePurchase(@Valid @RequestBody PurchaseFilings.NewFiling request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(purchases.file(Actor.require(), request));
    }

    @GetMapping("/purchases")
    List<PurchaseFilings.Filing> purchases() {
        return purchases.list(Actor.require());
    }

    record PurchaseDecision(Boolean approve, @Size(max = 1000) String note) {
    }

    @PostMapping("/purchases/{filingId}/decide")
    PurchaseFilings.Filing decidePurchase(@PathVariable long filingId, @Valid @RequestBody PurchaseDecision request) {
        if (request.approve() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("approve"));
        }
        return purchases.decide(Actor.require(), filingId, request.approve(), request.note());
    }
}

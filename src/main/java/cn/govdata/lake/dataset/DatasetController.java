package cn.govdata.lake.dataset;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;

/** Datasets of the data lake, reading records now or as of an instant, and aggregation status (AGG-1, AGG-7). */
@RestController
@RequestMapping("/api/v1/lake")
@Tag(name = "Lake", description = "datasets, bulk ingestion, batch quality reports, record history")
class DatasetController {

    private final LakeDatasets datasets;
    private final AggregationStatus aggregation;

    DatasetController(LakeDatasets datasets, AggregationStatus aggregation) {
        this.datasets = datasets;
        this.aggregation = aggregation;
    }

    record NewDataset(Long entryId) {
    }

    @PostMapping("/datasets")
    @Operation(summary = "Create the dataset of a published catalog entry of the caller's department (data provider)")
    ResponseEntity<Dataset> create(@RequestBody NewDataset request) {
        if (request.entryId() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("entryId"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(datasets.create(Actor.require(), request.entryId()));
    }

    @GetMapping("/datasets")
    List<Dataset> list() {
        return datasets.list(Actor.require());
    }

    @GetMapping("/datasets/{id}")
    Dataset get(@PathVariable long id) {
        return datasets.get(Actor.require(), id);
    }

    @GetMapping("/datasets/{id}/records")
    @Operation(summary = "Records now, or as of an instant (ISO 8601) from the history; reading is audited")
    LakeDatasets.RecordPage records(@PathVariable long id, @RequestParam(required = false) String key,
            @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        OffsetDateTime instant = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                instant = OffsetDateTime.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("asOf"), "2026-11-25T10:00:00+08:00");
            }
        }
        return datasets.records(Actor.require(), id, key, instant, page, size);
    }

    @GetMapping("/status")
    @Operation(summary = "Aggregation status: each dataset's update cycle, last success, due date and whether it is overdue "
            + "(the department's, or the region's for the data authority)")
    List<AggregationStatus.DatasetStatus> status() {
        return aggregation.status(Actor.require());
    }

    record CycleExceptionRequest(Integer agreedDays, @Size(max = 1000) String reason) {
    }

    @PostMapping("/datasets/{id}/cycle-exceptions")
    @Operation(summary = "File the period the department can keep instead of the catalog's cycle (TJ13)")
    ResponseEntity<AggregationStatus.CycleException> fileException(@PathVariable long id,
            @Valid @RequestBody CycleExceptionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(aggregation.file(Actor.require(), id, request.agreedDays(), request.reason()));
    }

    @GetMapping("/datasets/{id}/cycle-exceptions")
    List<AggregationStatus.CycleException> exceptions(@PathVariable long id) {
        return aggregation.exceptions(Actor.require(), id);
    }

    record DecisionRequest(Boolean accept, @Size(max = 1000) String note) {
    }

    @PostMapping("/cycle-exceptions/{exceptionId}/decide")
    @Operation(summary = "The data authority accepts or rejects a filed period")
    AggregationStatus.CycleException decide(@PathVariable long exceptionId, @Valid @RequestBody DecisionRequest request) {
        if (request.accept() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("accept"));
        }
        return aggregation.decide(Actor.require(), exceptionId, request.accept(), request.note());
    }
}

package cn.govdata.federation.harvest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The open-data cascade's public side: the open data harvested from other catalogs (lower platforms among them), for
 * anyone, read-only, each with where it came from; a dataset withdrawn at its source is gone here too.
 */
@RestController
@RequestMapping("/api/v1/public/harvested")
@Tag(name = "Harvesting", description = "open data harvested from other catalogs, with its origin (public)")
class PublicHarvestController {

    private final HarvestedDatasets datasets;

    PublicHarvestController(HarvestedDatasets datasets) {
        this.datasets = datasets;
    }

    @GetMapping
    @Operation(summary = "Open data harvested from other catalogs, newest first, with its origin")
    HarvestedDatasets.PublicPage list(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") long offset) {
        if (limit < 1 || limit > 100) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("limit"), limit);
        }
        if (offset < 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("offset"), offset);
        }
        if (q != null && q.length() > 100) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, FieldName.of("q"), 100);
        }
        return datasets.published(q, limit, offset);
    }

    @GetMapping("/{id}")
    HarvestedDatasets.PublicDataset get(@PathVariable long id) {
        return datasets.published(id).orElseThrow(() -> DomainException.notFound("harvested dataset", id));
    }
}

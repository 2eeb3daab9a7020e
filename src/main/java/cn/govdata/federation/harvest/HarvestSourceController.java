package cn.govdata.federation.harvest;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/** The catalogs this platform harvests, for the data authority's system administrator (issue #13). */
@RestController
@RequestMapping("/api/v1/federation/harvest/sources")
@Tag(name = "Harvesting", description = "other catalogs (CKAN, DCAT, govdata platforms) harvested on a schedule")
class HarvestSourceController {

    private final HarvestSources sources;
    private final Harvester harvester;
    private final HarvestRuns runs;
    private final HarvestedDatasets datasets;

    HarvestSourceController(HarvestSources sources, Harvester harvester, HarvestRuns runs,
            HarvestedDatasets datasets) {
        this.sources = sources;
        this.harvester = harvester;
        this.runs = runs;
        this.datasets = datasets;
    }

    /**
     * @param kind {@code CKAN}, {@code DCAT} or {@code GOVDATA}
     * @param intervalMinutes how often it is harvested (5 minutes to a week; 60 if not given)
     * @param regionId the region its datasets are attributed to (the administrator's if not given)
     * @param departmentId the department they are attributed to; none: the organisation the source names
     */
    record SourceRequest(String name, String kind, String url, Integer intervalMinutes, Long regionId,
            Long departmentId) {
    }

    record DatasetPage(long total, List<HarvestedDatasets.HarvestedDataset> items) {
    }

    @GetMapping
    @Operation(summary = "The harvest sources with their last run (system administrator)")
    List<HarvestSources.HarvestSource> list() {
        return sources.list(Actor.require()).stream().map(this::withLastRun).toList();
    }

    @GetMapping("/{id}")
    HarvestSources.HarvestSource get(@PathVariable long id) {
        return withLastRun(sources.get(Actor.require(), id));
    }

    @PostMapping
    @Operation(summary = "Register a catalog to harvest (system administrator)")
    ResponseEntity<HarvestSources.HarvestSource> register(@RequestBody SourceRequest request) {
        HarvestSources.HarvestSource source = sources.register(Actor.require(), new HarvestSources.NewSource(
                request.name(), request.kind(), request.url(), request.intervalMinutes(), request.regionId(),
                request.departmentId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(source);
    }

    @PostMapping("/{id}/run")
    @Operation(summary = "Harvest the source now; answers the run's report when it ends")
    HarvestReport run(@PathVariable long id) {
        return harvester.runNow(Actor.require(), id);
    }

    @GetMapping("/{id}/runs")
    @Operation(summary = "The source's last runs, newest first")
    List<HarvestReport> runs(@PathVariable long id, @RequestParam(defaultValue = "20") int limit) {
        sources.get(Actor.require(), id);
        return runs.list(id, within("limit", limit, 1, 200));
    }

    @GetMapping("/{id}/datasets")
    @Operation(summary = "What was harvested from the source, with its origin")
    DatasetPage datasets(@PathVariable long id, @RequestParam(defaultValue = "false") boolean withdrawn,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") long offset) {
        sources.get(Actor.require(), id);
        if (offset < 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("offset"), offset);
        }
        return new DatasetPage(datasets.count(id, withdrawn),
                datasets.list(id, withdrawn, within("limit", limit, 1, 500), offset));
    }

    @PostMapping("/{id}/disable")
    HarvestSources.HarvestSource disable(@PathVariable long id) {
        return withLastRun(sources.enable(Actor.require(), id, false));
    }

    @PostMapping("/{id}/enable")
    HarvestSources.HarvestSource enable(@PathVariable long id) {
        return withLastRun(sources.enable(Actor.require(), id, true));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete the source with its runs and what was harvested from it")
    ResponseEntity<Void> delete(@PathVariable long id) {
        sources.delete(Actor.require(), id);
        return ResponseEntity.noContent().build();
    }

    private HarvestSources.HarvestSource withLastRun(HarvestSources.HarvestSource s) {
        return new HarvestSources.HarvestSource(s.id(), s.name(), s.kind(), s.url(), s.intervalMinutes(), s.regionId(),
                s.departmentId(), s.enabled(), s.lastRunAt(), runs.latest(s.id()).orElse(null), s.createdBy(),
                s.createdAt());
    }

    private static int within(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of(field), value);
        }
        return value;
    }
}

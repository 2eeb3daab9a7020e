package cn.govdata.open.emergency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.open.ckan.PublicUrls;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.org.Directory;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Emergency data: the authority flags and lifts in the console; anyone reads the datasets flagged now (the portal
 * pins them) and follows any open dataset's changes as a JSON Feed (https://jsonfeed.org/version/1.1).
 */
@RestController
@Tag(name = "Emergency data", description = "open data flagged for an emergency and its change feed (OPN-7)")
class EmergencyController {

    private final Emergencies emergencies;
    private final DatasetChanges changes;
    private final OpenedDatasets datasets;
    private final Directory directory;
    private final PublicUrls urls;

    EmergencyController(Emergencies emergencies, DatasetChanges changes, OpenedDatasets datasets,
            Directory directory, PublicUrls urls) {
        this.emergencies = emergencies;
        this.changes = changes;
        this.datasets = datasets;
        this.directory = directory;
        this.urls = urls;
    }

    /**
     * A flag as its readers see it.
     *
     * @param feedUrl where the dataset's changes can be followed
     */
    record EmergencyView(long id, String packageId, String name, String title, String departmentName, String reason,
            LocalDate until, UpdateCycle updateCycle, OffsetDateTime flaggedAt, boolean inForce,
            OffsetDateTime liftedAt, String liftReason, String feedUrl) {
    }

    record FlagRequest(@Size(max = 100) String dataset, @Size(max = 4000) String reason, LocalDate until,
            UpdateCycle updateCycle) {
    }

    record LiftRequest(@Size(max = 4000) String reason) {
    }

    @PostMapping("/api/v1/open/emergencies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Flag an open dataset (its CKAN id or name) as emergency data until a day, with the update "
            + "cycle it must keep meanwhile (REALTIME, DAILY — the default — or WEEKLY)")
    EmergencyView flag(@Valid @RequestBody FlagRequest request, HttpServletRequest http) {
        return view(emergencies.flag(Actor.require(), request.dataset(), request.reason(), request.until(),
                request.updateCycle()), http);
    }

    @PostMapping("/api/v1/open/emergencies/{id}/lift")
    @Operation(summary = "Lift the flag: the pin and the raised cycle are gone")
    EmergencyView lift(@PathVariable long id, @Valid @RequestBody(required = false) LiftRequest request,
            HttpServletRequest http) {
        return view(emergencies.lift(Actor.require(), id, request == null ? null : request.reason()), http);
    }

    @GetMapping("/api/v1/open/emergencies")
    @Operation(summary = "The region's flags, lifted ones too (the authority)")
    List<EmergencyView> list(HttpServletRequest http) {
        return emergencies.ofRegion(Actor.require()).stream().map(e -> view(e, http)).toList();
    }

    @GetMapping("/api/v1/public/emergency")
    @Operation(summary = "The open datasets flagged as emergency data now, newest flag first (no token needed)")
    List<EmergencyView> inForce(HttpServletRequest http) {
        return emergencies.inForce().stream().filter(e -> visible(e.datasetId()).isPresent()).map(e -> view(e, http))
                .toList();
    }

    @GetMapping("/api/v1/public/feeds/{dataset}")
    @Operation(summary = "An open dataset's changes as a JSON Feed 1.1: data updates, emergency flag and lifting")
    ResponseEntity<Map<String, Object>> feed(@PathVariable String dataset, HttpServletRequest http) {
        OpenedDataset d = datasets.visible(dataset).orElseThrow(() -> DomainException.notFound("open-dataset", dataset));
        String base = urls.base(http);
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", d.content().name() + " - 数据变化");
        feed.put("home_page_url", base + "/open/datasets/" + d.name());
        feed.put("feed_url", base + "/api/v1/public/feeds/" + d.name());
        feed.put("language", "zh-CN");
        List<Map<String, Object>> items = new ArrayList<>();
        for (DatasetChanges.Change c : changes.latest(d.id())) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", d.packageId() + "/changes/" + c.id());
            item.put("url", base + "/open/datasets/" + d.name());
            item.put("title", switch (c.kind()) {
                case DATA -> "数据已更新";
                case FLAGGED -> "列为应急数据";
                case LIFTED -> "解除应急数据";
            });
            item.put("content_text", switch (c.kind()) {
                case DATA -> c.records() == null ? "数据已更新。" : "数据已更新，现有 " + c.records() + " 条记录。";
                case FLAGGED, LIFTED -> c.note() == null ? "" : c.note();
            });
            item.put("date_published", c.at().toString());
            item.put("tags", List.of(c.kind().name().toLowerCase(java.util.Locale.ROOT)));
            items.add(item);
        }
        feed.put("items", items);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/feed+json;charset=UTF-8"))
                .header("Access-Control-Allow-Origin", "*").body(feed);
    }

    private Optional<OpenedDataset> visible(long datasetId) {
        return datasets.byId(datasetId).filter(OpenedDataset::active).filter(datasets::live);
    }

    private EmergencyView view(Emergency e, HttpServletRequest http) {
        Optional<OpenedDataset> d = datasets.byId(e.datasetId());
        String department = d.flatMap(x -> directory.department(x.departmentId()))
                .map(Directory.DepartmentInfo::name).orElse("");
        return new EmergencyView(e.id(), d.map(OpenedDataset::packageId).orElse(null),
                d.map(OpenedDataset::name).orElse(null), d.map(x -> x.content().name()).orElse(null), department,
                e.reason(), e.until(), e.cycle(), e.flaggedAt(), e.inForce(emergencies.today()), e.liftedAt(),
                e.liftReason(), d.map(x -> urls.base(http) + "/api/v1/public/feeds/" + x.name()).orElse(null));
    }
}

package cn.govdata.open.usage;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The open-data figures for the public portal's home (anonymous, like the CKAN API). */
@RestController
@Tag(name = "Open data", description = "opening published entries' datasets to the public: review, rules, withdrawal")
class OpenStatsController {

    private final OpenStats stats;

    OpenStatsController(OpenStats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/open/stats")
    @Operation(summary = "Open datasets, their records, departments, views, downloads and API reads (no token needed)")
    OpenStats.Summary stats() {
        return stats.summary();
    }
}

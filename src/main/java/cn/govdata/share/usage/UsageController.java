package cn.govdata.share.usage;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.share.usage.ShareUsage.Report;
import cn.govdata.share.usage.ShareUsage.Uses;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The usage records of shared data (SEC-2): per grant and day, and the individual uses of a grant. */
@RestController
@RequestMapping("/api/v1/share/usage")
@Tag(name = "Share usage", description = "who used which department's data, how and how much")
class UsageController {

    private final ShareUsage usage;

    UsageController(ShareUsage usage) {
        this.usage = usage;
    }

    @GetMapping
    @Operation(summary = "Use per grant and Beijing day of a side: CONSUMER (default, the department's own use), "
            + "PROVIDER (who used its data), AUTHORITY (the region, users of the data authority); from/to dates, "
            + "default the last 30 days, at most 366")
    Report report(@RequestParam(required = false) String side, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return usage.report(Actor.require(), side, from, to);
    }

    @GetMapping("/uses")
    @Operation(summary = "The individual uses of a grant, newest first (its two departments and the data authority): "
            + "time, who, way, records, the shape of the query, medium — never a value")
    Uses uses(@RequestParam long grantId, @RequestParam(required = false) Integer limit) {
        return usage.uses(Actor.require(), grantId, limit);
    }
}

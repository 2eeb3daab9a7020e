package cn.govdata.security.trace;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.security.trace.LeakTracing.Trace;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Leak tracing (SHR-6): which export, under which grant and when, a leaked file came from. */
@RestController
@RequestMapping("/api/v1/security")
@Tag(name = "Security", description = "incidents, risk self-assessments and leak tracing")
class TraceController {

    private final LeakTracing tracing;

    TraceController(LeakTracing tracing) {
        this.tracing = tracing;
    }

    @PostMapping(path = "/trace", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Trace a leaked CSV or xlsx file (multipart field file) to the export it came from: "
            + "grantId, exportedAt, confidence; also after its rows were re-sorted and some columns dropped. "
            + "The authority's security administrator")
    Trace trace(@RequestParam(name = "file", required = false) MultipartFile file) {
        return tracing.trace(Actor.require(), file);
    }
}

package cn.govdata.open.dcat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.open.ckan.PublicUrls;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The DCAT-AP documents, anonymous, at ckanext-dcat's addresses: {@code /catalog.ttl}, {@code .jsonld},
 * {@code .rdf} (or {@code /catalog} in the syntax the Accept header asks for), paged by {@code ?page=N}, narrowed
 * by {@code ?modified_since=<ISO 8601>} to what changed since, and
 * {@code /dataset/{id}.ttl|.jsonld|.rdf} (or {@code /dataset/{id}} negotiated). Refusals are RFC 9457 problems.
 */
@RestController
@Hidden  // described by DCAT-AP and docs/open.md, like the CKAN API beside it
class DcatController {

    private final DcatDocuments documents;
    private final PublicUrls urls;

    DcatController(DcatDocuments documents, PublicUrls urls) {
        this.documents = documents;
        this.urls = urls;
    }

    @GetMapping({ "/catalog", "/catalog.ttl", "/catalog.jsonld", "/catalog.rdf" })
    ResponseEntity<byte[]> catalog(@RequestParam(required = false) String page,
            @RequestParam(name = "modified_since", required = false) String modifiedSince,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int dot = path.lastIndexOf('.');
        boolean negotiated = dot < 0;
        RdfSyntax syntax = negotiated ? RdfSyntax.negotiated(accept)
                : RdfSyntax.byExtension(path.substring(dot + 1)).orElseThrow();
        String base = urls.base(request);
        return written(documents.catalogPage(base, base + path, pageNumber(page), instant(modifiedSince)), syntax,
                negotiated);
    }

    @GetMapping("/dataset/{file}")
    ResponseEntity<byte[]> dataset(@PathVariable String file,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request) {
        int dot = file.lastIndexOf('.');
        boolean negotiated = dot < 0;
        RdfSyntax syntax = negotiated ? RdfSyntax.negotiated(accept) : RdfSyntax.byExtension(file.substring(dot + 1))
                .orElseThrow(() -> DomainException.notFound("dataset", file));
        String id = negotiated ? file : file.substring(0, dot);
        Model model = documents.dataset(urls.base(request), id)
                .orElseThrow(() -> DomainException.notFound("dataset", id));
        return written(model, syntax, negotiated);
    }

    /** A page number as ckanext-dcat takes it: a whole number from 1, page 1 when absent. */
    private static int pageNumber(String page) {
        if (page == null || page.isEmpty()) {
            return 1;
        }
        if (!page.matches("\\d{1,9}")) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "page",
                    (page.length() > 20 ? page.substring(0, 20) + "…" : page) + " (a whole number from 1)");
        }
        return Integer.parseInt(page);
    }

    /** A time as ckanext-dcat's {@code modified_since} takes it: ISO 8601, a date or a date-time (UTC unless zoned). */
    private static Instant instant(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime zoned ? zoned.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "modified_since",
                    (value.length() > 40 ? value.substring(0, 40) + "…" : value) + " (an ISO 8601 date or date-time)");
        }
    }

    private static ResponseEntity<byte[]> written(Model model, RdfSyntax syntax, boolean negotiated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, syntax.format());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(new MediaType(syntax.mediaType(), StandardCharsets.UTF_8))
                .header("Access-Control-Allow-Origin", "*");  // any web page may read open metadata
        if (negotiated) {
            response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        return response.body(out.toByteArray());
    }
}

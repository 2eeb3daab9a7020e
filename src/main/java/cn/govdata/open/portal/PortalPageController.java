package cn.govdata.open.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;

import cn.govdata.shared.DomainException;

/**
 * The public portal's page (built from {@code web/open.html} into the jar's {@code static/open.html}) is the
 * answer to {@code /open/} and to every path below it: the portal's addresses ({@code /open/datasets/…}) can
 * be bookmarked and shared, and the portal's router shows the page the path names. The page refers to its
 * scripts by content hash, so browsers may keep those for ever but must ask again for the page.
 */
@Controller
class PortalPageController {

    private static final Logger log = LoggerFactory.getLogger(PortalPageController.class);
    static final String PAGE = "static/open.html";

    private final Optional<byte[]> page;

    PortalPageController() {
        this.page = read(new ClassPathResource(PAGE));
        if (page.isEmpty()) {
            log.warn("The open-data portal's page {} is missing (built with -Dskip.web=true?): /open/ answers 404", PAGE);
        }
    }

    @GetMapping("/open")
    ResponseEntity<Void> withSlash(HttpServletRequest request) {
        String query = request.getQueryString();
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, "/open/" + (query == null ? "" : "?" + query))
                .build();
    }

    @GetMapping({ "/open/", "/open/**" })
    ResponseEntity<byte[]> page(HttpServletRequest request) {
        byte[] html = page.orElseThrow(() -> DomainException.notFound("resource", request.getRequestURI()));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(html);
    }

    private static Optional<byte[]> read(ClassPathResource resource) {
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PAGE, e);
        }
    }
}

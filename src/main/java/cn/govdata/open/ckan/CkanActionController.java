package cn.govdata.open.ckan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.open.desensitise.DesensitisationGate;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CKAN Action API at {@code /api/3/action/{name}} and {@code /api/action/{name}}, by GET (query parameters) or
 * POST (a JSON object or a form). A public account's API key in {@code Authorization} or {@code X-CKAN-API-Key} is
 * admitted (counted, limited) before the action runs, and lets {@code datastore_search} give what the holder's
 * approved applications grant; any other key is ignored. Every answer, refusals included, is CKAN's envelope (but
 * the 429 of a key past its limits, an RFC 9457 problem that carries CKAN's members too).
 */
@RestController
@Hidden  // CKAN's API, described by CKAN's documentation and docs/open.md; its errors are CKAN's, not RFC 9457
class CkanActionController {

    private static final Logger log = LoggerFactory.getLogger(CkanActionController.class);
    private static final int MAX_BODY = 1 << 20;

    private final CkanActions actions;
    private final JsonMapper json;

    CkanActionController(CkanActions actions, JsonMapper json) {
        this.actions = actions;
        this.json = json;
    }

    @RequestMapping(path = { "/api/3/action/{name}", "/api/action/{name}" },
            method = { RequestMethod.GET, RequestMethod.POST })
    ResponseEntity<byte[]> action(@PathVariable String name, HttpServletRequest request) {
        String help = actions.helpUrl(name, request);
        try {
            Object result = actions.run(name, parameters(request), request);
            return cors(CkanJson.success(help, result));
        } catch (CkanError error) {
            return cors(CkanJson.failure(help, error));
        } catch (DesensitisationGate.Refused refused) {
            return cors(CkanJson.failure(help, GateRefusals.error(refused)));
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            log.error("CKAN action {} failed, incident {}", name, incident, e);
            return cors(CkanJson.failure(help, CkanError.internal(incident)));
        }
    }

    private ActionParameters parameters(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (!request.getMethod().equals("POST") || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return ActionParameters.ofParameters(request.getParameterMap(), json);
        }
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            throw CkanError.badRequest("uploads are not accepted: this API is read-only");
        }
        String body = body(request);
        if (body.isBlank()) {
            return ActionParameters.ofParameters(request.getParameterMap(), json);
        }
        return ActionParameters.ofJson(body, json);
    }

    private static String body(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw CkanError.badRequest("the request body is larger than 1 MB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CkanError.badRequest("the request body could not be read");
        }
    }

    /** Any web page may call the public API (nothing here depends on cookies or credentials). */
    private static ResponseEntity<byte[]> cors(ResponseEntity<byte[]> response) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header("Access-Control-Allow-Origin", "*").body(response.getBody());
    }
}

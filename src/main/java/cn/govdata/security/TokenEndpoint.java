package cn.govdata.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.org.ConnectedSystems;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The OAuth2 token endpoint for connected systems: the client-credentials grant of RFC 6749 §4.4, with
 * the client authenticated by HTTP Basic or by form parameters (§2.3.1). Errors use the RFC 6749 §5.2
 * shape, not RFC 9457, because that is what OAuth2 client libraries parse.
 */
@RestController
@Tag(name = "OAuth2", description = "client-credentials token endpoint for connected systems")
class TokenEndpoint {

    private final ConnectedSystems systems;
    private final AccessTokens tokens;

    TokenEndpoint(ConnectedSystems systems, AccessTokens tokens) {
        this.systems = systems;
        this.tokens = tokens;
    }

    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String formClientId,
            @RequestParam(name = "client_secret", required = false) String formClientSecret,
            @RequestHeader(name = "Authorization", required = false) String authorization, HttpServletRequest request) {
        String clientId = formClientId;
        String clientSecret = formClientSecret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<String[]> basic = decodeBasic(authorization.substring(6).trim());
            if (basic.isEmpty()) {
                return error(HttpStatus.UNAUTHORIZED, "invalid_client", "malformed Basic credentials");
            }
            clientId = basic.get()[0];
            clientSecret = basic.get()[1];
        }
        if (clientId == null || clientSecret == null) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "client authentication is required");
        }
        if (grantType == null) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "only client_credentials is supported");
        }
        Optional<Actor> system = systems.authenticate(clientId, clientSecret, request.getRemoteAddr());
        if (system.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "unknown client, wrong secret, or revoked");
        }
        AccessTokens.Issued issued = tokens.issue(Actor.Kind.SYSTEM, system.get().id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("token_type", "Bearer");
        body.put("expires_in", Duration.between(OffsetDateTime.now(), issued.expiresAt()).toSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }

    private static Optional<String[]> decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            // RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding
            return Optional.of(new String[] { java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Basic realm=\"govdata\"");
        }
        return builder.body(Map.of("error", error, "error_description", description));
    }
}

package cn.govdata.open.ckan;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * CKAN's answers written as CKAN writes them: the envelope {@code {help, success, result}} or
 * {@code {help, success: false, error}}, nulls kept (CKAN clients read {@code "organization": null}), times in
 * UTC without a zone and with microseconds, as Python's {@code isoformat()} of a naive UTC time.
 */
public final class CkanJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private CkanJson() {
    }

    public static String time(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    }

    static ResponseEntity<byte[]> success(String help, Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", help);
        body.put("success", true);
        body.put("result", result);
        return respond(200, body);
    }

    public static ResponseEntity<byte[]> failure(String help, CkanError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", help);
        body.put("success", false);
        body.put("error", error.body());
        return respond(error.status(), body);
    }

    public static byte[] bytes(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    private static ResponseEntity<byte[]> respond(int status, Object body) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8).toString())
                .body(bytes(body));
    }
}

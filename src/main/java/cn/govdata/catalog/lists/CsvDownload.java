package cn.govdata.catalog.lists;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A CSV file to download, written after the request's handler returns.
 *
 * @param asciiName the file name for old clients
 * @param chineseName the file name for the others (RFC 6266 / RFC 5987)
 */
record CsvDownload(String asciiName, String chineseName, StreamingResponseBody body) {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    ResponseEntity<StreamingResponseBody> response() {
        String disposition = "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(chineseName, StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, disposition).body(body);
    }
}

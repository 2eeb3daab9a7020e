package cn.govdata.federation.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a source's documents: a connect and a request timeout (a source that hangs fails its own run, never the
 * others'), no redirects (a source cannot lead the platform to an address it was not registered with), and at most
 * {@code govdata.federation.harvest.max-document-bytes} per answer.
 */
@Component
class SourceHttp {

    /** Why a source could not be read; the run stops with it as its error. */
    static final class SourceFailure extends RuntimeException {

        SourceFailure(String message) {
            super(message);
        }
    }

    /** An answer: its media type (without parameters, lower case) and its text. */
    record Document(String mediaType, String body) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    SourceHttp(@Value("${govdata.federation.harvest.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${govdata.federation.harvest.request-timeout:PT60S}") Duration timeout,
            @Value("${govdata.federation.harvest.max-document-bytes:67108864}") long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Document get(String url, String accept) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", accept)
                    .header("User-Agent", "govdata-harvester").GET().build();
        } catch (IllegalArgumentException e) {
            throw new SourceFailure("not an address: " + url);
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new SourceFailure(url + " answered more than " + maxBytes + " bytes");
                }
                if (response.statusCode() != 200) {
                    throw new SourceFailure(url + " answered HTTP " + response.statusCode());
                }
                String type = response.headers().firstValue("Content-Type").orElse("");
                int semicolon = type.indexOf(';');
                return new Document((semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(),
                        new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new SourceFailure(url + " could not be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceFailure(url + ": interrupted");
        }
    }
}

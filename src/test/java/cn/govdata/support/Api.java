package cn.govdata.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for integration tests: real requests to the running application, as a department
 * system or the console would send them. Never throws on 4xx/5xx; tests assert on status and body.
 */
public final class Api {

    public record Response(int status, String contentType, String body, JsonNode json) {

        public String code() {
            return json == null || json.get("code") == null ? null : json.get("code").asString();
        }

        public long id() {
            return json.get("id").asLong();
        }

        public String text(String field) {
            JsonNode node = json.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    /** A response read as bytes, for downloads. */
    public record Download(int status, String contentType, String contentDisposition, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String token;
    private final String language;

    public Api(int port) {
        this("http://localhost:" + port, null, "zh-CN");
    }

    private Api(String base, String token, String language) {
        this.base = base;
        this.token = token;
        this.language = language;
    }

    /** The same caller on another port of this machine (e.g. the sharing data plane's). */
    public Api onPort(int port) {
        return new Api("http://localhost:" + port, token, language);
    }

    public Api withToken(String bearer) {
        return new Api(base, bearer, language);
    }

    public Api inLanguage(String acceptLanguage) {
        return new Api(base, token, acceptLanguage);
    }

    /** The bearer token this client sends, for requests it cannot make itself (streams). */
    public String token() {
        return token;
    }

    public String baseUrl() {
        return base;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    public Response postForm(String path, String form, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Response send(String method, String path, String rawBody, String... headers) {
        HttpRequest.Builder builder = request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(rawBody)));
    }

    /** Uploads one file as multipart/form-data under the given field name, like an HTML file input. */
    public Response upload(String path, String field, String filename, String contentType, byte[] content) {
        String boundary = "----govdata" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
    }

    /** GET whose body is kept as bytes (files), with its content type and disposition. */
    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (contentType.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), contentType, response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asString()));
        return values;
    }
}

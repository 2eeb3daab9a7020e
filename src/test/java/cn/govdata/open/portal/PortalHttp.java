package cn.govdata.open.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Assumptions;
import org.springframework.core.io.ClassPathResource;

/**
 * Plain HTTP as a browser sends it, with the response's headers (the tests' {@code Api} keeps none) and no
 * redirect followed; and whether the portal's page was built into this run's classpath.
 */
final class PortalHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    PortalHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> send(String method, String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,*/*")
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send("GET", path);
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /**
     * The page is built by npm with the web console (not with {@code -Dskip.web=true}): without it these tests
     * are skipped locally, and fail in CI, where the build always includes it.
     */
    static void assumePortalBuilt() {
        boolean built = new ClassPathResource(PortalPageController.PAGE).exists();
        if (!built && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI builds the web pages: " + PortalPageController.PAGE + " must exist");
        }
        Assumptions.assumeTrue(built, "the portal's page is not built (-Dskip.web=true); skipped");
    }
}

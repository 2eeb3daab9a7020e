package cn.govdata.open.ckan;

import org.springframework.stereotype.Component;

import cn.govdata.open.release.OpenSettings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The platform's own address as the public reaches it, for the absolute URLs CKAN clients expect (resource
 * downloads, help links): {@code govdata.open.public-base-url} when set, else the request's, as a reverse proxy
 * reports it in {@code X-Forwarded-Proto}, {@code -Host}, {@code -Port} and {@code -Prefix}.
 */
@Component
public class PublicUrls {

    private final OpenSettings settings;

    PublicUrls(OpenSettings settings) {
        this.settings = settings;
    }

    public String base(HttpServletRequest request) {
        String configured = settings.publicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return strip(configured.strip());
        }
        String scheme = first(request.getHeader("X-Forwarded-Proto"), request.getScheme());
        String host = first(request.getHeader("X-Forwarded-Host"), null);
        String port = first(request.getHeader("X-Forwarded-Port"), null);
        if (host == null) {
            host = request.getServerName();
            port = Integer.toString(request.getServerPort());
        }
        if (!host.matches("[A-Za-z0-9.\\-\\[\\]:]+") || !scheme.matches("https?")
                || port != null && !port.matches("\\d{1,5}")) {
            // a forged header does not make the links point anywhere strange
            scheme = request.getScheme();
            host = request.getServerName();
            port = Integer.toString(request.getServerPort());
        }
        boolean hostHasPort = host.matches(".*:\\d+") && !host.endsWith("]") && host.indexOf(':') == host.lastIndexOf(':')
                || host.matches("\\[.*]:\\d+");
        boolean defaultPort = port == null || port.equals("80") && scheme.equals("http")
                || port.equals("443") && scheme.equals("https");
        String prefix = first(request.getHeader("X-Forwarded-Prefix"), "");
        if (!prefix.matches("(/[A-Za-z0-9._~\\-]+)*/?")) {
            prefix = "";
        }
        return strip(scheme + "://" + host + (hostHasPort || defaultPort ? "" : ":" + port) + prefix);
    }

    private static String first(String header, String fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        return header.split(",")[0].strip();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

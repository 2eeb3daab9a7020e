package cn.govdata.federation.harvest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A CKAN site as a harvester sees it, on loopback (the JDK's HttpServer): {@code /api/3/action/package_search}
 * answering the JSON CKAN writes, with {@code fq=metadata_modified:[<from> TO *]} (inclusive, {@code *} for any),
 * {@code sort=metadata_modified asc}, {@code rows}, {@code start} and {@code include_deleted}. Datasets are added,
 * changed and deleted by the test; each change takes a new stamp, as CKAN's {@code metadata_modified}. Every
 * path under {@code /broken/} answers 500, every one under {@code /slow/} hangs first; the server counts the
 * searches it answered.
 */
public final class CkanShapedSource implements AutoCloseable {

    static final java.time.Duration SLOW = java.time.Duration.ofSeconds(8);
    private static final Pattern RANGE = Pattern.compile("metadata_modified:\\[(\\S+) TO \\*\\]");
    private static final DateTimeFormatter CKAN_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Map<String, Object>> datasets = new ConcurrentHashMap<>();
    private final Map<String, String[]> documents = new ConcurrentHashMap<>();
    private final AtomicInteger searches = new AtomicInteger();
    private LocalDateTime clock = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).minusDays(1);

    public CkanShapedSource() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::answer);
        server.start();
    }

    /** The site's address (what a harvest source registers). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An address under which every request hangs for {@link #SLOW} (longer than the tests' request timeout). */
    public String slowUrl() {
        return url() + "/slow";
    }

    /** An address under which every request fails with HTTP 500. */
    public String brokenUrl() {
        return url() + "/broken";
    }

    public int searches() {
        return searches.get();
    }

    /** Adds or changes a dataset, giving it the next stamp. */
    public synchronized void put(String id, String title, String organization) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("name", "ds-" + id);
        p.put("title", title);
        p.put("notes", "说明：" + title);
        p.put("state", "active");
        p.put("license_id", "cc-by");
        p.put("license_title", "Creative Commons Attribution");
        p.put("organization", organization == null ? null : Map.of("name", "org-" + organization.hashCode(),
                "title", organization));
        p.put("tags", List.of(Map.of("name", "开放", "display_name", "开放")));
        p.put("resources", List.of(Map.of("id", id + "-r", "name", title + "（CSV）", "format", "CSV",
                "url", url() + "/download/" + id + ".csv")));
        p.put("metadata_modified", nextStamp());
        datasets.put(id, p);
    }

    /** A dataset the harvester must refuse: it has no title (nor name). */
    public synchronized void putUntitled(String id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("state", "active");
        p.put("metadata_modified", nextStamp());
        datasets.put(id, p);
    }

    /** Serves a fixed document (a DCAT catalog page) at the path; null takes it away. */
    public void serve(String path, String mediaType, String body) {
        if (body == null) {
            documents.remove(path);
        } else {
            documents.put(path, new String[] { mediaType, body });
        }
    }

    /** Deletes a dataset as CKAN does: kept with {@code state: "deleted"} and a new stamp. */
    public synchronized void delete(String id) {
        Map<String, Object> p = new LinkedHashMap<>(datasets.get(id));
        p.put("state", "deleted");
        p.put("metadata_modified", nextStamp());
        datasets.put(id, p);
    }

    private String nextStamp() {
        clock = clock.plusNanos(1000);
        return clock.format(CKAN_STAMP);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/slow/")) {
                try {
                    Thread.sleep(SLOW.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 500, "{}");
                return;
            }
            if (path.startsWith("/broken/")) {
                send(exchange, 500, "{\"success\": false, \"error\": {\"message\": \"Internal Server Error\"}}");
                return;
            }
            String[] document = documents.get(path);
            if (document != null) {
                byte[] bytes = document[1].getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", document[0]);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                return;
            }
            if (!path.equals("/api/3/action/package_search")) {
                send(exchange, 404, "{\"success\": false, \"error\": {\"__type\": \"Not Found Error\"}}");
                return;
            }
            searches.incrementAndGet();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String from = null;
            Matcher range = RANGE.matcher(query.getOrDefault("fq", ""));
            if (range.find() && !range.group(1).equals("*")) {
                from = range.group(1).replace("Z", "");
            }
            boolean withDeleted = "true".equals(query.get("include_deleted"));
            int rows = Integer.parseInt(query.getOrDefault("rows", "10"));
            int start = Integer.parseInt(query.getOrDefault("start", "0"));
            List<Map<String, Object>> matching = new ArrayList<>();
            synchronized (this) {
                for (Map<String, Object> p : datasets.values()) {
                    String stamp = (String) p.get("metadata_modified");
                    if ((from == null || stamp.compareTo(from) >= 0) && (withDeleted || "active".equals(p.get("state")))) {
                        matching.add(p);
                    }
                }
            }
            matching.sort(Comparator.comparing(p -> (String) p.get("metadata_modified")));
            List<Map<String, Object>> page = matching.subList(Math.min(start, matching.size()),
                    Math.min(start + rows, matching.size()));
            Map<String, Object> result = new HashMap<>();
            result.put("count", matching.size());
            result.put("results", page);
            send(exchange, 200, json.writeValueAsString(Map.of("success", true, "result", result)));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

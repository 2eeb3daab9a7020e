package cn.govdata.audit;

/**
 * The network address of a request served outside the servlet container (the sharing data plane), so that the
 * entries recorded while serving it name the client as the servlet's do. {@code X-Forwarded-For} counts only where
 * {@code govdata.audit.trust-forwarded-for} says so, as for every other request.
 *
 * @param remoteAddress the peer's IP address
 * @param forwardedFor the {@code X-Forwarded-For} header, or null
 */
public record CallerAddress(String remoteAddress, String forwardedFor) {

    private static final ThreadLocal<CallerAddress> SERVING = new ThreadLocal<>();

    /** While serving a request: {@code try (var bound = CallerAddress.bind(...)) { ... }}. */
    public static Binding bind(String remoteAddress, String forwardedFor) {
        SERVING.set(new CallerAddress(remoteAddress, forwardedFor));
        return SERVING::remove;
    }

    static CallerAddress serving() {
        return SERVING.get();
    }

    /** Ends the binding. */
    public interface Binding extends AutoCloseable {

        @Override
        void close();
    }

    /** The address an entry names: the first of {@code X-Forwarded-For} if trusted and given, else the peer's. */
    static String of(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
            return forwardedFor.split(",")[0].trim();
        }
        return remoteAddress;
    }
}

package cn.govdata.lake.quality;

/**
 * How values are quoted in failure reasons. Reasons end up in quality reports that many people read, so a
 * personal value (an ID number, a phone number, a name) is never quoted in full: only a quarter of its
 * characters at each end are kept (at most four), the rest become {@code *}, e.g.
 * {@code 3706**********123X}, {@code 13*******78}, {@code 张**}. Other values are quoted as they are, cut to
 * 32 characters. Control characters (line breaks inside a CSV cell) become spaces so a reason stays one line.
 */
public final class Masking {

    static final int MAX_SHOWN = 32;

    private Masking() {
    }

    /** The value as a reason may quote it. */
    public static String shown(String value, boolean personal) {
        return personal ? mask(value) : shorten(value);
    }

    public static String mask(String value) {
        int[] codePoints = value.codePoints().toArray();
        int n = codePoints.length;
        int kept = Math.min(4, n / 4);
        int head = kept == 0 && n >= 2 ? 1 : kept;
        StringBuilder shown = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            boolean visible = i < head || i >= n - kept;
            shown.appendCodePoint(visible ? printable(codePoints[i]) : '*');
        }
        return shown.toString();
    }

    public static String shorten(String value) {
        int[] codePoints = value.codePoints().limit(MAX_SHOWN + 1L).toArray();
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_SHOWN, codePoints.length); i++) {
            shown.appendCodePoint(printable(codePoints[i]));
        }
        return codePoints.length > MAX_SHOWN ? shown.append('…').toString() : shown.toString();
    }

    private static int printable(int codePoint) {
        return Character.isISOControl(codePoint) ? ' ' : codePoint;
    }
}

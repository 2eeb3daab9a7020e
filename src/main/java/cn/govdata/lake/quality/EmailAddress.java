package cn.govdata.lake.quality;

/**
 * An e-mail address, checked pragmatically rather than by the whole of RFC 5322: one {@code @}; a local
 * part of 1–64 characters from the unquoted set (letters, digits and {@code !#$%&'*+/=?^_`{|}~.-}) with no
 * leading, trailing or double dot; a domain of at least two dot-separated labels of letters, digits and
 * inner hyphens, each 1–63 characters, the last alphabetic with at least two letters; 254 characters in
 * all. Quoted local parts, IP-literal domains and non-ASCII addresses are refused: departments' systems
 * do not produce them, and a typo does.
 */
final class EmailAddress implements ValueStandard {

    static final String NAME = "e-mail address";

    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean personal() {
        return true;
    }

    @Override
    public boolean accepts(String value) {
        int length = value.length();
        int at = value.indexOf('@');
        if (length > 254 || at < 1 || at > 64 || at != value.lastIndexOf('@')) {
            return false;
        }
        return localPart(value, at) && domain(value, at + 1, length);
    }

    @Override
    public Refusal refusal(String value) {
        return new Refusal(ReasonCode.EMAIL);
    }

    private static boolean localPart(String value, int end) {
        if (value.charAt(0) == '.' || value.charAt(end - 1) == '.') {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '.' && value.charAt(i - 1) == '.') {
                return false;
            }
            if (!asciiLetterOrDigit(c) && LOCAL_SPECIALS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean domain(String value, int from, int to) {
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || value.charAt(i) == '.') {
                int labelLength = i - labelStart;
                if (labelLength < 1 || labelLength > 63 || value.charAt(labelStart) == '-' || value.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i == to) {
                    return labels >= 2 && topLevel(value, labelStart, to);
                }
                labelStart = i + 1;
            } else if (!asciiLetterOrDigit(value.charAt(i)) && value.charAt(i) != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean topLevel(String value, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}

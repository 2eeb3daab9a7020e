package cn.govdata.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * How catalog text is cut into search terms: Lucene's SmartChineseAnalyzer, which segments Chinese into
 * words with a hidden Markov model over a bundled dictionary (企业登记信息 → 企业 / 登记 / 信息), lower-cases
 * and stems Latin words and drops punctuation. The same analyzer serves indexing, queries and highlighting,
 * so a query word matches exactly the words the index holds. Thread-safe.
 */
final class ChineseText {

    /** One analyzed word with its place in the original text. */
    record Token(String term, int start, int end) {
    }

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer();

    private ChineseText() {
    }

    static Analyzer analyzer() {
        return ANALYZER;
    }

    /** The words of a text, in order, with their offsets. Never throws on any input. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return tokens;
    }

    /** The distinct words of a text, in order of first appearance. */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (Token token : tokens(text)) {
            terms.add(token.term());
        }
        return terms;
    }

    /**
     * The text, HTML-escaped, with the words that are among {@code terms} wrapped in {@code <em>}; null when no
     * word matches. When {@code maxLength} is exceeded a window around the first match is kept, marked with …
     */
    static String highlight(String text, Set<String> terms, int maxLength) {
        if (text == null || terms.isEmpty()) {
            return null;
        }
        List<Token> matches = tokens(text).stream().filter(t -> terms.contains(t.term())).toList();
        if (matches.isEmpty()) {
            return null;
        }
        int from = 0;
        int to = text.length();
        if (to > maxLength) {
            from = Math.max(0, matches.get(0).start() - maxLength / 4);
            to = Math.min(text.length(), from + maxLength);
        }
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append('…');
        }
        int at = from;
        for (Token match : matches) {
            if (match.start() < at || match.end() > to) {
                continue;
            }
            escape(text.substring(at, match.start()), out);
            out.append("<em>");
            escape(text.substring(match.start(), match.end()), out);
            out.append("</em>");
            at = match.end();
        }
        escape(text.substring(at, to), out);
        if (to < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    /** The beginning of a text, cut at {@code maxLength} characters with … */
    static String abbreviate(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        return text.substring(0, maxLength) + "…";
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}

package cn.govdata.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * How catalog text is cut into search terms: Lucene's SmartChineseAnalyzer, which segments Chinese into
 * words with a hidden Markov model over a bundled dictionary (企业登记信息 → 企业 / 登记 / 信息), lower-cases
 * and stems Latin words and drops punctuation. The same analyzer serves indexing, queries and highlighting,
 * so a query word matches exactly the words the index holds.
 *
 * <p>Segmentation depends on context: 食品经营许可证 is cut 食品 / 经营 / 许可证, so the query word 许可 would miss
 * it. The name, summary and data item names are therefore indexed a second time as overlapping character pairs
 * (CJKAnalyzer: 许可证 → 许可 / 可证), where a query word is looked up as a phrase of its pairs: a lower-scored
 * way to match any Chinese word that occurs inside the text, as a substring search would. Thread-safe.
 */
final class ChineseText {

    /** One analyzed word with its place in the original text. */
    record Token(String term, int start, int end) {
    }

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer();
    private static final Analyzer PAIRS = new CJKAnalyzer(CharArraySet.EMPTY_SET);

    private ChineseText() {
    }

    /** The word analyzer. */
    static Analyzer analyzer() {
        return ANALYZER;
    }

    /** The character-pair analyzer of the {@code *_pairs} fields. */
    static Analyzer pairAnalyzer() {
        return PAIRS;
    }

    /** The words of a text, in order, with their offsets. Never throws on any input. */
    static List<Token> tokens(String text) {
        return tokens(ANALYZER, text);
    }

    /** The character pairs of a word with two or more Chinese characters (化学品 → 化学, 学品); else empty. */
    static List<String> pairs(String word) {
        if (!isChineseWord(word)) {
            return List.of();
        }
        return tokens(PAIRS, word).stream().map(Token::term).toList();
    }

    /** Two or more Chinese characters: found inside longer words too. */
    private static boolean isChineseWord(String word) {
        return word.length() >= 2 && word.codePoints().allMatch(ChineseText::isHan);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
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
     * The text, HTML-escaped, with the query's words wrapped in {@code <em>}: words of the text equal to one of
     * {@code terms}, and occurrences of the Chinese terms of two or more characters inside longer words (as the
     * pair fields match them). Null when nothing matches. When {@code maxLength} is exceeded a window around the
     * first match is kept, marked with …
     */
    static String highlight(String text, Set<String> terms, int maxLength) {
        if (text == null || terms.isEmpty()) {
            return null;
        }
        List<Token> matches = matches(text, terms);
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

    /** Where the terms occur in the text, in order and without overlaps. */
    private static List<Token> matches(String text, Set<String> terms) {
        boolean[] marked = new boolean[text.length() + 1];
        boolean onlyChineseWords = true;
        for (String term : terms) {
            if (!isChineseWord(term)) {
                onlyChineseWords = false;
                continue;
            }
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
                Arrays.fill(marked, at, at + term.length(), true);
            }
        }
        if (!onlyChineseWords) {
            // single characters and Latin words (lower-cased, stemmed) are matched as the analyzer cuts them
            for (Token token : tokens(text)) {
                if (terms.contains(token.term())) {
                    Arrays.fill(marked, token.start(), token.end(), true);
                }
            }
        }
        List<Token> matches = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && marked[i]) {
                start = start < 0 ? i : start;
            } else if (start >= 0) {
                matches.add(new Token(text.substring(start, i), start, i));
                start = -1;
            }
        }
        return matches;
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

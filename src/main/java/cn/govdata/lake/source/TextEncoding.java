package cn.govdata.lake.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a department's text file. Departments save CSV from Excel or their own systems, as
 * UTF-8 (often with a byte-order mark) or, on Chinese Windows, as GBK. The two are told apart from the
 * first 64 KB: a byte-order mark decides; otherwise bytes that decode as strict UTF-8 are UTF-8 (GBK text
 * of any length almost never is), anything else is read as GB18030, the superset of GBK and GB2312. The
 * rest of the file is decoded strictly too, so a later bad byte is reported with its line rather than
 * stored as a replacement character. The caller may name the encoding instead.
 *
 * @param charset the encoding
 * @param byteOrderMark the length of the byte-order mark at the start, to be skipped
 */
record TextEncoding(Charset charset, int byteOrderMark) {

    static final int PREFIX = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * Looks at the start of the stream, which must support mark and reset (a {@link BufferedInputStream}),
     * and leaves it where it was.
     *
     * @param override the encoding the caller names, or null to detect it
     */
    static TextEncoding of(InputStream in, Charset override) throws IOException {
        in.mark(PREFIX);
        byte[] prefix = in.readNBytes(PREFIX);
        in.reset();
        TextEncoding marked = byteOrderMark(prefix);
        if (override != null) {
            return new TextEncoding(override, marked != null && marked.charset.equals(override) ? marked.byteOrderMark : 0);
        }
        if (marked != null) {
            return marked;
        }
        return new TextEncoding(isUtf8(prefix, prefix.length < PREFIX) ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    /** A decoder that refuses malformed and unmappable input instead of replacing it. */
    CharsetDecoder strictDecoder() {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static TextEncoding byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        return null;
    }

    /**
     * Whether the bytes decode as strict UTF-8. When the prefix is not the whole file it may end inside
     * a character; up to three undecoded bytes at the end are then fine.
     */
    private static boolean isUtf8(byte[] prefix, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(prefix);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, wholeFile);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return wholeFile ? !decoder.flush(out).isError() : in.remaining() <= 3;
            }
            out.clear();
        }
    }
}

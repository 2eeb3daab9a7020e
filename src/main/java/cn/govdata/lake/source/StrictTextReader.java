package cn.govdata.lake.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Decodes bytes strictly and knows the line it is on, so a byte that is not text in the file's encoding
 * is reported with the line it is in ({@link MalformedText}). {@code InputStreamReader} would either
 * replace such bytes silently or fail a buffer ahead of where the parser is.
 */
final class StrictTextReader extends Reader {

    /** Bytes that are not text in the encoding, at a line (counted from 1 by line feeds). */
    static final class MalformedText extends IOException {
        private final long line;

        MalformedText(long line) {
            super("malformed input at line " + line);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    /** The second half of a surrogate pair when the caller asked for one char only. */
    private final CharBuffer pending = CharBuffer.allocate(2).flip();
    private long lineFeeds;
    private boolean endOfInput;
    private boolean flushed;

    StrictTextReader(InputStream in, CharsetDecoder decoder) {
        this.in = in;
        this.decoder = decoder;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pending.hasRemaining()) {
            target[offset] = pending.get();
            return 1;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int produced = out.position() - offset;
            if (result.isOverflow() && produced == 0) {
                // room for one char, and the next character needs two
                pending.clear();
                result = decoder.decode(bytes, pending, endOfInput);
                pending.flip();
                if (pending.hasRemaining()) {
                    target[offset] = pending.get();
                    return 1;
                }
            }
            if (result.isError()) {
                countLineFeeds(target, offset, produced);
                throw new MalformedText(lineFeeds + 1);
            }
            if (produced > 0) {
                countLineFeeds(target, offset, produced);
                return produced;
            }
            if (endOfInput) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                    if (out.position() > offset) {
                        return out.position() - offset;
                    }
                }
                return -1;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void countLineFeeds(char[] chars, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            if (chars[i] == '\n') {
                lineFeeds++;
            }
        }
    }
}

package cn.govdata.security.trace;

import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import cn.govdata.security.trace.CellForms.Form;

/**
 * Which form each value takes in one export's file: a keyed HMAC-SM3 (the platform's secret watermark key) of the
 * export's id and the value's canonical text (UTF-8) decides, one pseudo-random bit per distinct value. The bit
 * depends on nothing else — not the row, the column or its name — so a file re-sorted, cut down to some columns or
 * rows, or with renamed headers still shows, value by value, the bits of its export; another export of the same data
 * shows other bits, and without the key nobody can tell which form is the mark. One instance serves one thread.
 */
final class ExportFingerprint {

    /** Values repeat (a masked name is its surname and {@code *}): their forms are kept, up to this many. */
    private static final int REMEMBERED = 4096;

    private final long exportId;
    private final HMac mac;
    private final byte[] out;
    private final Map<String, Form> remembered = new HashMap<>();
    private byte[] text = new byte[256];

    ExportFingerprint(byte[] key, long exportId) {
        this.exportId = exportId;
        this.mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        this.out = new byte[mac.getMacSize()];
    }

    /** The form this export writes the value in, given its canonical text ({@link CellForms#canonical}). */
    Form formOf(String canonical) {
        return bit(canonical);
    }

    /** The cell as this export's file carries it. */
    String mark(String cell) {
        if (!CellForms.markable(cell)) {
            return cell;
        }
        Form form = remembered.get(cell);
        if (form == null) {
            form = bit(cell);
            if (remembered.size() >= REMEMBERED) {
                remembered.clear();
            }
            remembered.put(cell, form);
        }
        return CellForms.written(cell, form);
    }

    /** The bit of a value, computed over its canonical text without building it. */
    private Form bit(String value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (exportId >>> shift));
        }
        int length = utf8(value);
        mac.update(text, 0, length);
        mac.doFinal(out, 0);
        return (out[0] & 1) == 1 ? Form.FULL : Form.HALF;
    }

    /** The canonical text of the value, UTF-8 encoded into {@link #text}; its length in bytes. */
    private int utf8(String value) {
        if (text.length < value.length() * 3) {
            text = new byte[value.length() * 3];
        }
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = CellForms.folded(value.charAt(i));
            if (c < 0x80) {
                text[n++] = (byte) c;
            } else if (c < 0x800) {
                text[n++] = (byte) (0xC0 | c >> 6);
                text[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                text[n++] = (byte) (0xF0 | cp >> 18);
                text[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                text[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                text[n++] = (byte) (0x80 | cp & 0x3F);
            } else {
                text[n++] = (byte) (0xE0 | c >> 12);
                text[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                text[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }
}

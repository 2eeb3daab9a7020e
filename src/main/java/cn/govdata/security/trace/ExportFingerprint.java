package cn.govdata.security.trace;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import cn.govdata.security.trace.CellForms.Form;

/**
 * Which form each value takes in one export's file: a keyed HMAC-SM3 (the platform's secret watermark key) of the
 * export's id and the value's canonical text decides, one pseudo-random bit per distinct value. The bit depends on
 * nothing else — not the row, the column or its name — so a file re-sorted, cut down to some columns or rows, or
 * with renamed headers still shows, value by value, the bits of its export; another export of the same data shows
 * other bits, and without the key nobody can tell which form is the mark. One instance serves one thread.
 */
final class ExportFingerprint {

    private final long exportId;
    private final HMac mac;
    private final byte[] out;

    ExportFingerprint(byte[] key, long exportId) {
        this.exportId = exportId;
        this.mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        this.out = new byte[mac.getMacSize()];
    }

    /** The form this export writes the value in, given its canonical text ({@link CellForms#canonical}). */
    Form formOf(String canonical) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (exportId >>> shift));
        }
        byte[] text = canonical.getBytes(StandardCharsets.UTF_8);
        mac.update(text, 0, text.length);
        mac.doFinal(out, 0);
        return (out[0] & 1) == 1 ? Form.FULL : Form.HALF;
    }

    /** The cell as this export's file carries it. */
    String mark(String cell) {
        if (!CellForms.markable(cell)) {
            return cell;
        }
        String canonical = CellForms.canonical(cell);
        Form form = formOf(canonical);
        return form == Form.HALF ? canonical : CellForms.written(cell, Form.FULL);
    }
}

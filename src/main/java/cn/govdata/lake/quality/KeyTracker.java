package cn.govdata.lake.quality;

import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Finds records of one batch whose record key (the entry's key items, e.g. the ID number) was already
 * seen, in bounded memory: a batch may have millions of rows, and keeping every key's text would cost
 * a hundred bytes or more per row. Instead each key is reduced to a 128-bit MurmurHash3 of its parts and
 * kept, with the row it first appeared in, in an open-addressing table of primitive arrays: 20 bytes a
 * slot, at most 70 % full, so 29–57 bytes per distinct key (2,000,000 keys ≈ 84 MB at the worst point
 * after growing).
 *
 * <p>The trade-off: two different keys with the same 128-bit hash would be taken for a duplicate. For n
 * keys the chance of any such collision is about n²/2¹²⁹ — for 2,000,000 keys about 10⁻²⁶ — far below
 * the chance of a hardware error, so the result is treated as exact. The parts are hashed with their
 * lengths, so ("ab", "c") and ("a", "bc") are different keys. Values are compared after stripping
 * blanks, case-sensitively. Not thread-safe: one tracker per batch, fed in row order.
 */
public final class KeyTracker {

    private static final int INITIAL_CAPACITY = 1 << 10;
    private static final double MAX_LOAD = 0.7;

    private final String[] keyItems;
    private byte[] buffer = new byte[256];
    private long[] high = new long[INITIAL_CAPACITY];
    private long[] low = new long[INITIAL_CAPACITY];
    private int[] rows = new int[INITIAL_CAPACITY];
    private int size;

    /** @param keyItems the identifiers of the entry's record-key items, in the entry's order */
    public KeyTracker(List<String> keyItems) {
        if (keyItems.isEmpty()) {
            throw new IllegalArgumentException("an entry without record-key items has no duplicates to find");
        }
        this.keyItems = keyItems.toArray(String[]::new);
    }

    /**
     * Records the key of a row and says whether it was seen before.
     *
     * @param record item identifier → raw value
     * @param row the row's number in the file (1 or more)
     * @return the row where the same key first appeared, or 0 when the key is new — or incomplete: a key
     *         item without a value is the REQUIRED rule's failure, not a duplicate
     */
    public long duplicateOf(Map<String, String> record, long row) {
        if (row < 1 || row > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("row numbers run from 1 to " + Integer.MAX_VALUE);
        }
        int length = 0;
        for (String item : keyItems) {
            String raw = record.get(item);
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                return 0;
            }
            length = append(value, length);
        }
        long[] hash = MurmurHash3.hash128x64(buffer, 0, length, 0);
        return remember(hash[0], hash[1], (int) row);
    }

    /**
     * {@link #duplicateOf} as a quality failure: {@code DUPLICATE_KEY} on the key's items (joined with
     * {@code +}), naming the first row and never the key, which is often an ID number.
     *
     * @return the failure, or null when the key is new or incomplete
     */
    public QualityFailure duplicate(Map<String, String> record, long row) {
        long first = duplicateOf(record, row);
        return first == 0 ? null
                : new QualityFailure(String.join("+", keyItems), ReasonCode.DUPLICATE_KEY, String.valueOf(first));
    }

    /** Distinct keys seen so far. */
    int size() {
        return size;
    }

    /** Bytes held by the table, for capacity planning and the docs. */
    long tableBytes() {
        return (long) rows.length * (Long.BYTES * 2 + Integer.BYTES);
    }

    /** Appends a part as its length and UTF-16 code units; returns the new length. */
    private int append(String value, int at) {
        int needed = at + 4 + value.length() * 2;
        if (needed > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
        int n = value.length();
        buffer[at++] = (byte) (n >>> 24);
        buffer[at++] = (byte) (n >>> 16);
        buffer[at++] = (byte) (n >>> 8);
        buffer[at++] = (byte) n;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            buffer[at++] = (byte) (c >>> 8);
            buffer[at++] = (byte) c;
        }
        return at;
    }

    private long remember(long h, long l, int row) {
        if (size + 1 > rows.length * MAX_LOAD) {
            grow();
        }
        int mask = rows.length - 1;
        int slot = (int) l & mask;
        while (rows[slot] != 0) {
            if (high[slot] == h && low[slot] == l) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        high[slot] = h;
        low[slot] = l;
        rows[slot] = row;
        size++;
        return 0;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldRows = rows;
        int capacity = oldRows.length * 2;
        high = new long[capacity];
        low = new long[capacity];
        rows = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldRows.length; i++) {
            if (oldRows[i] != 0) {
                int slot = (int) oldLow[i] & mask;
                while (rows[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                rows[slot] = oldRows[i];
            }
        }
    }
}

package cn.govdata.security;

/**
 * The watermark one file exported to a consumer carries (SHR-6): the platform has recorded the export (grant, time)
 * and {@link #mark(String)} writes each cell of the file in the form that identifies it. Used by one stream at a
 * time (not thread-safe).
 */
public interface ExportWatermark {

    /** The recorded export. */
    long exportId();

    /**
     * The cell as the file carries it: the same value, with its letters, digits and symbols in the half- or
     * full-width form the export's fingerprint picks when the cell is text for people (it holds Chinese characters);
     * any other cell, and null, unchanged.
     */
    String mark(String cell);
}

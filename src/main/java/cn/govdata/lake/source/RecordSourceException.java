package cn.govdata.lake.source;

import java.util.List;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * A bulk file that cannot be taken in: unreadable as a whole (a damaged workbook), malformed at a line
 * (an unclosed quote, bytes that are not text, a line that is not JSON), or with columns that do not
 * match the catalog entry. A {@link DomainException}, so an upload endpoint answers it as a problem with
 * a stable code and a message in the caller's language; the underlying library exception is kept as the
 * cause for the log, never shown. Messages never quote the file's data, only its column names.
 */
final class RecordSourceException extends DomainException {

    private final transient SourceFault fault;
    private final long line;

    private RecordSourceException(ProblemCode code, SourceFault fault, long line, Object... arguments) {
        super(code, arguments);
        this.fault = fault;
        this.line = line;
    }

    static RecordSourceException unreadable(SourceFormat format, SourceFault fault, Throwable cause) {
        RecordSourceException e = new RecordSourceException(ProblemCode.DATA_FILE_UNREADABLE, fault, 0, format.label(), fault);
        return cause == null ? e : (RecordSourceException) e.initCause(cause);
    }

    static RecordSourceException malformed(SourceFormat format, long line, SourceFault fault, Throwable cause) {
        RecordSourceException e = new RecordSourceException(ProblemCode.DATA_FILE_MALFORMED, fault, line,
                format.label(), String.valueOf(line), fault);
        return cause == null ? e : (RecordSourceException) e.initCause(cause);
    }

    static RecordSourceException columns(List<String> unknown, List<String> repeated, List<String> missing,
            String expected) {
        return new RecordSourceException(ProblemCode.DATA_FILE_COLUMNS, null, 0, listed(unknown), listed(repeated),
                listed(missing), expected);
    }

    /** What is wrong, or null for a column mismatch. */
    SourceFault fault() {
        return fault;
    }

    /** The line or row where the file is malformed; 0 when the fault is the whole file's. */
    long line() {
        return line;
    }

    private static String listed(List<String> names) {
        return names.isEmpty() ? "—" : String.join(", ", names);
    }
}

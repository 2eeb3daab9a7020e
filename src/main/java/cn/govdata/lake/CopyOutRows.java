package cn.govdata.lake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Utils;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Reads a select's rows on PostgreSQL through {@code COPY (select …) TO STDOUT} (text format), the server's fastest
 * way out: no per-row protocol messages to describe, no driver types to convert, one row a message. Runs on the
 * connection of the surrounding transaction (so inside its snapshot) and hands each row on as it arrives, in
 * constant memory. COPY takes no bind parameters: the select's {@code ?} are replaced by quoted literals, escaped by
 * the driver for the connection's settings.
 */
final class CopyOutRows {

    private CopyOutRows() {
    }

    /**
     * Streams the rows, each as its columns' values (null for SQL null), or answers false at once, reading
     * nothing, when the data source is not PostgreSQL.
     *
     * @param select a select whose only {@code ?} are its parameters' places (no {@code ?} in its quoted text)
     */
    static boolean stream(DataSource dataSource, String select, List<Object> params, Consumer<String[]> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!connection.isWrapperFor(BaseConnection.class)) {
                return false;
            }
            BaseConnection pg = connection.unwrap(BaseConnection.class);
            CopyOut copy = pg.getCopyAPI().copyOut("copy (" + literal(select, params, pg.getStandardConformingStrings())
                    + ") to stdout");
            try {
                for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                    rows.accept(fields(row));
                }
            } finally {
                if (copy.isActive()) {  // the reader stopped early (the client went away): end the COPY
                    copy.cancelCopy();
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("reading by COPY failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String literal(String select, List<Object> params, boolean standardConformingStrings)
            throws SQLException {
        StringBuilder sql = new StringBuilder(select.length() + 32 * params.size());
        int next = 0;
        for (int i = 0; i < select.length(); i++) {
            char c = select.charAt(i);
            if (c != '?') {
                sql.append(c);
                continue;
            }
            if (next == params.size()) {
                throw new IllegalArgumentException("more places than parameters in " + select);
            }
            sql.append('\'');
            Utils.escapeLiteral(sql, String.valueOf(params.get(next++)), standardConformingStrings);
            sql.append('\'');
        }
        if (next != params.size()) {
            throw new IllegalArgumentException("fewer places than parameters in " + select);
        }
        return sql.toString();
    }

    /** One row of COPY's text format: tab-separated, {@code \N} for null, backslash escapes, a closing newline. */
    static String[] fields(byte[] row) {
        int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        int count = 1;
        for (int i = 0; i < end; i++) {
            if (row[i] == '\t') {
                count++;
            }
        }
        String[] fields = new String[count];
        int start = 0;
        for (int f = 0; f < count; f++) {
            int stop = start;
            boolean escaped = false;
            while (stop < end && row[stop] != '\t') {
                escaped |= row[stop] == '\\';
                stop++;
            }
            fields[f] = escaped ? unescaped(row, start, stop)
                    : new String(row, start, stop - start, StandardCharsets.UTF_8);
            start = stop + 1;
        }
        return fields;
    }

    private static String unescaped(byte[] row, int start, int stop) {
        if (stop - start == 2 && row[start + 1] == 'N') {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(stop - start);
        for (int i = start; i < stop; i++) {
            byte b = row[i];
            if (b != '\\' || i + 1 == stop) {
                bytes.write(b);
                continue;
            }
            byte e = row[++i];
            switch (e) {
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                case 'v' -> bytes.write(0x0b);
                case 'x' -> {  // \xH or \xHH
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < stop && Character.digit(row[i + 1], 16) >= 0) {
                        value = value * 16 + Character.digit(row[++i], 16);
                        digits++;
                    }
                    bytes.write(digits == 0 ? 'x' : value);
                }
                default -> {
                    if (e >= '0' && e <= '7') {  // \O, \OO or \OOO
                        int value = e - '0';
                        for (int digits = 1; digits < 3 && i + 1 < stop && row[i + 1] >= '0' && row[i + 1] <= '7';
                                digits++) {
                            value = value * 8 + (row[++i] - '0');
                        }
                        bytes.write(value);
                    } else {
                        bytes.write(e);  // \\ and any other character stand for themselves
                    }
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

package cn.govdata.lake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.govdata.lake.dataset.Dataset.Column;
import cn.govdata.lake.dataset.RowTarget;

/** The text a PostgreSQL {@code COPY} receives: no value can end a column, a row or the data. */
class CopyRowWriterTest {

    private static String text(String value) {
        StringBuilder out = new StringBuilder();
        RowTarget.appendText(out, value);
        return out.toString();
    }

    @Test
    void nullIsTheNullMarkerAndALiteralBackslashNIsNot() {
        assertThat(text(null)).isEqualTo("\\N");
        assertThat(text("\\N")).isEqualTo("\\\\N");
        assertThat(text("")).isEmpty();
    }

    @Test
    void separatorsAndBackslashesAreEscaped() {
        assertThat(text("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
        assertThat(text("\\.")).isEqualTo("\\\\.");  // never the end-of-data marker
        assertThat(text("张三,\"李四\"")).isEqualTo("张三,\"李四\"");
    }

    @Test
    void theStatementNamesOnlyCheckedIdentifiersInStagingOrder() {
        List<Column> columns = List.of(new Column("gmsfhm", "c_gmsfhm", 0, true, false, false),
                new Column("xm", "c_xm", 1, false, false, false));
        assertThat(RowTarget.staging("lake_ds_7", columns, 3).copyStatement())
                .isEqualTo("copy lake_ds_7_s (batch_id, row_number, record_key, c_gmsfhm, c_xm) from stdin");
        assertThat(RowTarget.current("lake_ds_7", columns, 3, 9, OffsetDateTime.now()).copyStatement())
                .isEqualTo("copy lake_ds_7 (record_key, c_gmsfhm, c_xm, batch_id, source_department_id, valid_from) from stdin");
        assertThatThrownBy(() -> RowTarget.staging("lake_ds_7; drop", columns, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowOfTheCurrentTableEndsWithItsBatchDepartmentAndValidity() {
        List<Column> columns = List.of(new Column("gmsfhm", "c_gmsfhm", 0, true, false, false),
                new Column("xm", "c_xm", 1, false, false, false));
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 25, 8, 30, 0, 0, ZoneOffset.UTC);
        StringBuilder staged = new StringBuilder();
        RowTarget.staging("lake_ds_7", columns, 3).appendCopyLine(staged, 12, "k", Arrays.asList("k", null));
        assertThat(staged).hasToString("3\t12\tk\tk\t\\N\n");
        StringBuilder current = new StringBuilder();
        RowTarget.current("lake_ds_7", columns, 3, 9, at).appendCopyLine(current, 12, "k", Arrays.asList("k", "张三"));
        assertThat(current).hasToString("k\tk\t张三\t3\t9\t2026-11-25 08:30:00.000000+00:00\n");
    }
}

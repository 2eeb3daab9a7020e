package cn.govdata.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.govdata.lake.Dataset.Column;

/** The text a PostgreSQL {@code COPY} receives: no value can end a column, a row or the data. */
class CopyStagingWriterTest {

    private static String text(String value) {
        StringBuilder out = new StringBuilder();
        CopyStagingWriter.appendText(out, value);
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
        List<Column> columns = List.of(new Column("gmsfhm", "c_gmsfhm", 0, true, false),
                new Column("xm", "c_xm", 1, false, false));
        assertThat(CopyStagingWriter.copyStatement("lake_ds_7", columns))
                .isEqualTo("copy lake_ds_7_s (batch_id, row_number, record_key, c_gmsfhm, c_xm) from stdin");
        assertThatThrownBy(() -> CopyStagingWriter.copyStatement("lake_ds_7; drop", columns))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

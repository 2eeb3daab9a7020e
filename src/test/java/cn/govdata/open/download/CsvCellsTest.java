package cn.govdata.open.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Cells a spreadsheet would run as formulas get a leading apostrophe; everything else is written as it is. */
class CsvCellsTest {

    @Test
    void formulaCharactersAtTheStartAreNeutralised() {
        assertThat(CsvCells.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvCells.safe("+86 138")).isEqualTo("'+86 138");
        assertThat(CsvCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.safe("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCells.safe("\rcmd")).isEqualTo("'\rcmd");
        assertThat(CsvCells.safe(new BigDecimal("-12.5"))).isEqualTo("'-12.5");
    }

    @Test
    void otherValuesAreUnchanged() {
        assertThat(CsvCells.safe("芝罘区=福山区")).isEqualTo("芝罘区=福山区");
        assertThat(CsvCells.safe(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CsvCells.safe("")).isEmpty();
        assertThat(CsvCells.safe(null)).isNull();
    }
}

package cn.govdata.security.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.govdata.security.trace.CellForms.Form;
import cn.govdata.security.trace.LeakedFile.MarkedValue;

/** The watermark's forms and fingerprint, without a database: what is marked, how, and what a trace can tell. */
class ExportFingerprintTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void onlyTextForPeopleWithCharactersOfTwoWidthsIsMarkable() {
        assertThat(CellForms.markable("芝罘区幸福路1号")).isTrue();
        assertThat(CellForms.markable("张*")).isTrue();
        assertThat(CellForms.markable("幸福路１号")).isTrue();
        // codes, numbers, dates and ID numbers are read by software: never changed
        assertThat(CellForms.markable("370602")).isFalse();
        assertThat(CellForms.markable("370602********1234")).isFalse();
        assertThat(CellForms.markable("2026-12-06")).isFalse();
        // Chinese without a character of two widths has nothing to vary
        assertThat(CellForms.markable("张三")).isFalse();
        assertThat(CellForms.markable("")).isFalse();
        assertThat(CellForms.markable(null)).isFalse();
    }

    @Test
    void aMarkedValueMeansTheSameAsTheOriginal() {
        ExportFingerprint fingerprint = new ExportFingerprint(KEY, 7);
        for (String cell : List.of("芝罘区幸福路12号", "张*", "ＡＢＣ大厦3层", "（北京）科技有限公司-2", "=SUM(1)元")) {
            String marked = fingerprint.mark(cell);
            assertThat(Normalizer.normalize(marked, Normalizer.Form.NFKC))
                    .isEqualTo(Normalizer.normalize(cell, Normalizer.Form.NFKC));
            assertThat(CellForms.formOf(marked)).isNotEqualTo(Form.MIXED);
        }
        assertThat(fingerprint.mark("370602")).isEqualTo("370602");
        assertThat(fingerprint.mark(null)).isNull();
    }

    @Test
    void theFormDependsOnTheExportAndTheValueOnlyAndIsAFairCoinAcrossValues() {
        ExportFingerprint one = new ExportFingerprint(KEY, 1);
        ExportFingerprint again = new ExportFingerprint(KEY, 1);
        ExportFingerprint other = new ExportFingerprint(KEY, 2);
        ExportFingerprint otherKey = new ExportFingerprint("fedcba9876543210fedcba9876543210".getBytes(), 1);
        int full = 0;
        int differs = 0;
        int differsByKey = 0;
        for (int i = 0; i < 2000; i++) {
            String value = "幸福路" + i + "号";
            assertThat(again.formOf(value)).isEqualTo(one.formOf(value));
            full += one.formOf(value) == Form.FULL ? 1 : 0;
            differs += one.formOf(value) != other.formOf(value) ? 1 : 0;
            differsByKey += one.formOf(value) != otherKey.formOf(value) ? 1 : 0;
        }
        // about half each way (2000 fair coins: 1000 ± 3.5 standard deviations of 22)
        assertThat(full).isBetween(920, 1080);
        assertThat(differs).isBetween(920, 1080);
        assertThat(differsByKey).isBetween(920, 1080);
    }

    @Test
    void theBitIsTheLowestBitOfTheHmacSm3OfTheExportIdAndTheHalfWidthText() {
        ExportFingerprint fingerprint = new ExportFingerprint(KEY, 0x0102030405060708L);
        for (String value : List.of("幸福路12号", "张*", "ＡＢＣ大厦", "𠀀字-1", "é路1")) {
            org.bouncycastle.crypto.macs.HMac mac = new org.bouncycastle.crypto.macs.HMac(
                    new org.bouncycastle.crypto.digests.SM3Digest());
            mac.init(new org.bouncycastle.crypto.params.KeyParameter(KEY));
            byte[] input = java.nio.ByteBuffer.allocate(1024).putLong(0x0102030405060708L)
                    .put(CellForms.canonical(value).getBytes(java.nio.charset.StandardCharsets.UTF_8)).flip().array();
            int length = 8 + CellForms.canonical(value).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            mac.update(input, 0, length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            Form expected = (out[0] & 1) == 1 ? Form.FULL : Form.HALF;
            assertThat(fingerprint.formOf(CellForms.canonical(value))).as(value).isEqualTo(expected);
            assertThat(fingerprint.formOf(value)).as("computed over the half-width text").isEqualTo(expected);
            if (CellForms.markable(value)) {
                assertThat(CellForms.formOf(fingerprint.mark(value))).isEqualTo(expected);
            }
        }
    }

    @Test
    void aFileShowsItsExportsBitsAfterReSortingDroppingColumnsAndSavingWithAByteOrderMark() {
        ExportFingerprint export = new ExportFingerprint(KEY, 41);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(String.join(",", "370602********" + (1000 + i), export.mark("张*"), "370602",
                    export.mark("芝罘区幸福路" + i + "号"), export.mark("第" + (i % 7) + "网格")));
        }
        Collections.shuffle(lines, new Random(1));
        // the consumer keeps only the address column, and puts a header of its own on top
        StringBuilder csv = new StringBuilder("\uFEFF住址\n");
        lines.forEach(line -> csv.append(line.split(",")[3]).append('\n'));
        List<MarkedValue> values = LeakedFile.read(LeakedFile.Kind.CSV, csv.toString().getBytes()).values();

        assertThat(values).hasSize(60);
        assertThat(LeakTracing.agreeing(export, values)).isEqualTo(60);
        int other = LeakTracing.agreeing(new ExportFingerprint(KEY, 42), values);
        assertThat(other).isBetween(15, 45);
        assertThat(LeakTracing.confidence(60, 60, 1000)).isGreaterThanOrEqualTo(LeakTracing.MIN_CONFIDENCE);
        assertThat(LeakTracing.confidence(60, other, 1)).isLessThan(LeakTracing.MIN_CONFIDENCE);
    }

    @Test
    void aValueFoundInBothFormsOrInAMixedFormTellsNothing() {
        String csv = "a,b\n幸福路1号,幸福路１号\n和平路２号,和平路2号\n长安街1２号,x\n";
        assertThat(LeakedFile.read(LeakedFile.Kind.CSV, csv.getBytes()).values()).isEmpty();
    }

    @Test
    void aDefusedCellIsReadAsTheValueItHolds() {
        String csv = "a\n\"'-3号楼\"\n";
        assertThat(LeakedFile.read(LeakedFile.Kind.CSV, csv.getBytes()).values())
                .containsExactly(new MarkedValue("-3号楼", Form.HALF));
    }

    @Test
    void aFileSavedInGb18030IsReadAsChinese() {
        String csv = "住址\n幸福路１号\n";
        assertThat(LeakedFile.read(LeakedFile.Kind.CSV, csv.getBytes(java.nio.charset.Charset.forName("GB18030")))
                .values()).containsExactly(new MarkedValue("幸福路1号", Form.FULL));
    }

    @Test
    void theChanceOfAgreeingByLuckIsTheBinomialTail() {
        assertThat(LeakTracing.upperTail(10, 0)).isEqualTo(1.0);
        assertThat(LeakTracing.upperTail(10, 11)).isZero();
        assertThat(LeakTracing.upperTail(10, 10)).isCloseTo(1 / 1024.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(LeakTracing.upperTail(10, 9)).isCloseTo(11 / 1024.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(LeakTracing.upperTail(2, 1)).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-12));
        // large files neither overflow nor lose the tail
        assertThat(LeakTracing.upperTail(100_000, 50_000)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(LeakTracing.upperTail(100_000, 100_000)).isZero();
        // all of 16 values from one of 10 exports: 1 - 10/65536; never shown as certainty
        assertThat(LeakTracing.confidence(16, 16, 10)).isCloseTo(1 - 10 / 65536.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(LeakTracing.confidence(1000, 1000, 10)).isEqualTo(0.999999);
    }

    @Test
    void kindsOfFileByNameThenMediaType() {
        assertThat(LeakedFile.kindOf("导出.CSV", "application/octet-stream")).isEqualTo(LeakedFile.Kind.CSV);
        assertThat(LeakedFile.kindOf("导出.xlsx", null)).isEqualTo(LeakedFile.Kind.XLSX);
        assertThat(LeakedFile.kindOf("导出.xls", null)).isNull();
        assertThat(LeakedFile.kindOf("导出.png", "text/csv")).isNull();
        assertThat(LeakedFile.kindOf("blob", "text/csv;charset=UTF-8")).isEqualTo(LeakedFile.Kind.CSV);
        assertThat(LeakedFile.kindOf(null, "image/png")).isNull();
    }
}

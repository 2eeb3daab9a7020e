package cn.govdata.security.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import cn.govdata.shared.MaskingRule;
import cn.govdata.shared.SpreadsheetCsv;

/**
 * What the leak-tracing watermark costs an export, in-process (bench/export-watermark.sh): the rows an exchange
 * writes, through the same {@link SpreadsheetCsv} into a discarding stream (UTF-8 encoded, as to the response), once
 * plain and once marked per cell ({@link ExportFingerprint#mark}), alternating rounds in the same run. Two shapes:
 * the population register as the share-access bench exports it (ID number and name masked, division code — one
 * markable cell a row), and an enterprise register whose three text columns are all markable (the worst case).
 * Then the tracing side: reading a leaked 100,000-row CSV file, and comparing it with 1,000 recorded exports.
 */
public final class ExportWatermarkBench {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
    private static final byte[] KEY = new byte[32];

    private ExportWatermarkBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        new Random(7).nextBytes(KEY);
        System.out.printf("export watermark: %,d rows a run, %d rounds, one thread, %d cores, %s%n", rows, rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        compare("population (id, name, division; 1 of 4 cells marked)", population(rows), rounds);
        compare("enterprises (code, name, address, scope; 3 of 5 cells marked)", enterprises(rows), rounds);
        tracing();
    }

    private static void compare(String shape, List<String[]> data, int rounds) throws IOException {
        write(data, UnaryOperator.identity()); // warm-up: the JIT
        write(data, new ExportFingerprint(KEY, 1)::mark);
        double[] plain = new double[rounds];
        double[] marked = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            plain[r] = write(data, UnaryOperator.identity());
            marked[r] = write(data, new ExportFingerprint(KEY, r + 2)::mark);
        }
        double p = median(plain);
        double m = median(marked);
        System.out.printf("%-66s plain %,10.0f rows/s   marked %,10.0f rows/s   cost %5.1f %% of the writing (median of %d)%n",
                shape, p, m, 100 * (p / m - 1), rounds);
    }

    /** Rows per second written as the exchange writes them (a row list, then the CSV printer, UTF-8). */
    private static double write(List<String[]> data, UnaryOperator<String> cell) throws IOException {
        long start = System.nanoTime();
        Writer out = new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        SpreadsheetCsv printer = SpreadsheetCsv.on(out, "a", "b", "c", "d", "_deleted");
        for (String[] values : data) {
            List<Object> row = new ArrayList<>(values.length + 1);
            for (String value : values) {
                row.add(cell.apply(value));
            }
            row.add(false);
            printer.printRow(row);
        }
        printer.flush();
        return data.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static List<String[]> population(int rows) {
        Random random = new Random(1);
        List<String[]> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String id = "370602" + (19350101 + random.nextInt(700000)) + String.format("%04d", i % 10000);
            data.add(new String[] { MaskingRule.ID_NUMBER.apply(id),
                    MaskingRule.NAME.apply(SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "某某"), "370602",
                    null });
        }
        return data;
    }

    private static List<String[]> enterprises(int rows) {
        Random random = new Random(2);
        List<String[]> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            data.add(new String[] { "91370602MA" + String.format("%08d", i),
                    "烟台" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "氏第" + (i % 97) + "分公司",
                    "芝罘区幸福路" + (1 + random.nextInt(3000)) + "号" + (i % 3 == 0 ? "A座" : ""),
                    "软件开发；第" + (1 + i % 3) + "类医疗器械销售" });
        }
        return data;
    }

    private static void tracing() throws IOException {
        int fileRows = 100_000;
        int exports = 1_000;
        ExportFingerprint export = new ExportFingerprint(KEY, exports);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8);
        SpreadsheetCsv printer = SpreadsheetCsv.on(out, "a", "b", "c", "d");
        for (String[] values : enterprises(fileRows)) {
            printer.printRow(Arrays.stream(values).map(export::mark).toArray());
        }
        printer.flush();
        byte[] bytes = file.toByteArray();
        for (int warm = 0; warm < 2; warm++) {
            LeakedFile.read(LeakedFile.Kind.CSV, bytes);
        }
        long start = System.nanoTime();
        List<LeakedFile.MarkedValue> values = LeakedFile.read(LeakedFile.Kind.CSV, bytes).values();
        double read = (System.nanoTime() - start) / 1e6;
        List<LeakedFile.MarkedValue> first = values.subList(0, 64);
        start = System.nanoTime();
        int candidates = 0;
        for (long id = 1; id <= exports; id++) {
            if (LeakTracing.agreeing(new ExportFingerprint(KEY, id), first) >= 48) {
                candidates++;
            }
        }
        double firstPass = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        int agreeing = LeakTracing.agreeing(export, values);
        double full = (System.nanoTime() - start) / 1e6;
        System.out.printf("tracing a %,d-row CSV (%,d KB, %,d distinct marked values): read %.0f ms; first pass over %,d"
                + " exports %.0f ms (%d candidate); full comparison %.0f ms (%,d agreeing); confidence %.6f%n",
                fileRows, bytes.length >> 10, values.size(), read, exports, firstPass, candidates, full, agreeing,
                LeakTracing.confidence(values.size(), agreeing, exports));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

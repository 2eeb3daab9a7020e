package cn.govdata.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.govdata.lake.ingest.LakeBenchAccess;
import cn.govdata.org.CreditCode;

/**
 * Rows per second through the lake's record validator, on one thread, for generated population rows
 * (14 items: name, ID number, sex, ethnic group, birth date, division, mobile, e-mail, registration time,
 * household size, income, employer credit code, a logical, a remark; about 3 % of rows with a fault).
 * Also the duplicate-key tracker on distinct ID numbers, and a CSV file read alone (the baseline) and read
 * and validated. Not
 * a test: run by bench/validator-throughput.sh.
 *
 * <p>Arguments: rows to validate per run (default 2,000,000), rows for the CSV run (default 500,000).
 */
public final class ValidatorThroughput {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英";

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int csvRows = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        Set<String> divisions = divisions();
        List<String> counties = divisions.stream().filter(c -> !c.endsWith("00")).sorted().toList();
        Random random = new Random(42);
        List<Map<String, String>> sample = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            sample.add(person(random, counties, i));
        }
        LakeBenchAccess.Validator validator = LakeBenchAccess.populationValidator(divisions::contains, TODAY);
        System.out.printf("validator: %d rows a run, 14 items, one thread, %d cores, %s%n", rows,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        long failures = 0;
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            failures = validate(validator, sample, rows / 2);
        }
        double[] rates = new double[5];
        for (int run = 0; run < rates.length; run++) {
            long start = System.nanoTime();
            failures = validate(validator, sample, rows);
            rates[run] = rows / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf("validator: median %,.0f rows/s (min %,.0f, max %,.0f); %,d failures a run%n", rates[2],
                rates[0], rates[4], failures);

        keyTracker(rows, counties);
        csv(csvRows, counties, divisions);
    }

    private static long validate(LakeBenchAccess.Validator validator, List<Map<String, String>> sample, int rows) {
        long failures = 0;
        for (int i = 0; i < rows; i++) {
            failures += validator.failures(sample.get(i % sample.size()));
        }
        return failures;
    }

    private static void keyTracker(int rows, List<String> counties) {
        // distinct keys: row i is county i % C, born on day q / 10, sequence (q % 10) * 100 with q = i / C
        String[] ids = new String[rows];
        for (int i = 0; i < rows; i++) {
            int q = i / counties.size();
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(q / 10);
            ids[i] = LakeBenchAccess.idNumber(counties.get(i % counties.size()) + birth.toString().replace("-", "")
                    + String.format("%03d", q % 10 * 100));
        }
        Map<String, String> record = new HashMap<>();
        for (int run = 0; run < 3; run++) {
            LakeBenchAccess.Keys keys = LakeBenchAccess.populationKeys();
            long duplicates = 0;
            long start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                record.put("gmsfhm", ids[i]);
                if (keys.duplicateOf(record, i + 2L) != 0) {
                    duplicates++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("key tracker: %,.0f rows/s over %,d keys (%,d duplicates among the generated keys)%n",
                    rows / seconds, rows, duplicates);
        }
    }

    private static void csv(int rows, List<String> counties, Set<String> divisions) throws IOException {
        Path file = Files.createTempFile("population", ".csv");
        try {
            Random random = new Random(7);
            List<String> items = LakeBenchAccess.populationItems();
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(String.join(",", items) + "\n");
                for (int i = 0; i < rows; i++) {
                    Map<String, String> person = person(random, counties, i);
                    StringBuilder line = new StringBuilder();
                    for (String item : items) {
                        line.append(line.isEmpty() ? "" : ",").append(person.getOrDefault(item, ""));
                    }
                    out.write(line.append('\n').toString());
                }
            }
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                long[] read = LakeBenchAccess.readCsv(file, null, TODAY);
                double readSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                long[] validated = LakeBenchAccess.readCsv(file, divisions::contains, TODAY);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("CSV read only: %,.0f rows/s; read + validate: %,.0f rows/s (%,d rows, %,d MB, %,d failures)%n",
                        read[0] / readSeconds, validated[0] / seconds, validated[0], Files.size(file) >> 20, validated[1]);
            }
        } finally {
            Files.delete(file);
        }
    }

    private static Map<String, String> person(Random random, List<String> counties, int i) {
        String county = counties.get(random.nextInt(counties.size()));
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(33_000));
        boolean male = random.nextBoolean();
        int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
        String id = LakeBenchAccess.idNumber(county + birth.toString().replace("-", "") + String.format("%03d", sequence));
        Map<String, String> person = new HashMap<>();
        person.put("xm", "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : ""));
        person.put("gmsfhm", id);
        person.put("xb", male ? "1" : "2");
        person.put("mz", String.format("%02d", 1 + random.nextInt(56)));
        person.put("csrq", birth.toString());
        person.put("xzqh", county);
        person.put("sjhm", "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
        person.put("dzyx", "user" + i + "@example.com");
        person.put("djsj", "2024-03-" + String.format("%02d", 1 + random.nextInt(28)) + " 09:30:00");
        person.put("jtrks", String.valueOf(1 + random.nextInt(9)));
        person.put("ysr", random.nextInt(30_000) + "." + String.format("%02d", random.nextInt(100)));
        String first17 = "91" + county + "MA" + String.format("%07d", random.nextInt(10_000_000));
        person.put("dwtyshxydm", first17 + CreditCode.checkCharacter(first17));
        person.put("sfhs", random.nextBoolean() ? "是" : "否");
        person.put("bz", "");
        switch (random.nextInt(100)) { // about 3 % of rows have a fault
            case 0 -> person.put("gmsfhm", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
            case 1 -> person.put("sjhm", "1234567");
            case 2 -> person.put("csrq", birth.plusDays(1).toString());
            default -> { }
        }
        return person;
    }

    /** The division codes org ships, as its Directory answers them. */
    private static Set<String> divisions() throws IOException {
        Set<String> codes = new HashSet<>();
        read("provinces.csv", codes, "0000");
        read("cities.csv", codes, "00");
        read("areas.csv", codes, "");
        return codes;
    }

    private static void read(String file, Set<String> into, String suffix) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ValidatorThroughput.class.getResourceAsStream("/org/divisions/" + file), StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                into.add(line.substring(0, line.indexOf(',')) + suffix);
            }
        }
    }
}

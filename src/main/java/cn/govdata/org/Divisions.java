package cn.govdata.org;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The administrative division codes (GB/T 2260) the platform knows: provinces, cities, counties. Shipped
 * with the application (NBS 2023 edition); see {@code org/divisions/README.md}.
 */
@Component
class Divisions {

    enum Level { PROVINCE, CITY, COUNTY }

    record Division(String code, String name, Level level, String parentCode) {
    }

    private final Map<String, Division> byCode;

    Divisions() {
        Map<String, Division> all = new LinkedHashMap<>();
        read("provinces.csv", r -> new Division(r.get("code") + "0000", r.get("name"), Level.PROVINCE, null), all);
        read("cities.csv",
                r -> new Division(r.get("code") + "00", r.get("name"), Level.CITY, r.get("provinceCode") + "0000"), all);
        read("areas.csv", r -> new Division(r.get("code"), r.get("name"), Level.COUNTY, r.get("cityCode") + "00"), all);
        this.byCode = Collections.unmodifiableMap(all);
    }

    Optional<Division> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Children of a division, or the provinces when {@code parentCode} is null. */
    List<Division> children(String parentCode, String nameContains) {
        List<Division> result = new ArrayList<>();
        for (Division division : byCode.values()) {
            boolean childOf = parentCode == null ? division.level() == Level.PROVINCE
                    : parentCode.equals(division.parentCode());
            if (childOf && (nameContains == null || division.name().contains(nameContains))) {
                result.add(division);
            }
        }
        return result;
    }

    private static void read(String file, java.util.function.Function<CSVRecord, Division> mapper,
            Map<String, Division> into) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource("org/divisions/" + file).getInputStream(),
                StandardCharsets.UTF_8)) {
            for (CSVRecord record : format.parse(reader)) {
                Division division = mapper.apply(record);
                into.put(division.code(), division);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read division codes " + file, e);
        }
    }
}

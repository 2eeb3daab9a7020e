package cn.govdata.open.revenue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Revenue shared by contribution (FZ21: 按照贡献度分配), in fen so that the shares add up to the revenue exactly:
 * each department first gets the whole fen of its exact share (amount × its contribution ÷ all contributions); the fen
 * left over go one each to the departments whose exact shares lost the most in rounding, the lower department id
 * first when they lost the same. When nothing was counted, every department contributes equally.
 */
final class Allocation {

    /** A department's contribution and its share, in yuan with two decimals. */
    record Share(long departmentId, long contribution, BigDecimal amount) {
    }

    private Allocation() {
    }

    /** The shares of {@code amount} (yuan, at most two decimals, positive) by department id → contribution. */
    static List<Share> byContribution(BigDecimal amount, Map<Long, Long> contributions) {
        if (contributions.isEmpty()) {
            throw new IllegalArgumentException("no department to share with");
        }
        Map<Long, Long> weights = new TreeMap<>(contributions);
        boolean nothingCounted = weights.values().stream().allMatch(w -> w == 0);
        BigInteger fen = amount.movePointRight(2).toBigIntegerExact();
        BigInteger total = BigInteger.ZERO;
        for (long w : weights.values()) {
            total = total.add(BigInteger.valueOf(nothingCounted ? 1 : w));
        }
        record Part(long departmentId, long contribution, BigInteger fen, BigInteger lost) {
        }
        List<Part> parts = new ArrayList<>();
        BigInteger given = BigInteger.ZERO;
        for (Map.Entry<Long, Long> e : weights.entrySet()) {
            BigInteger weight = BigInteger.valueOf(nothingCounted ? 1 : e.getValue());
            BigInteger[] exact = fen.multiply(weight).divideAndRemainder(total);
            parts.add(new Part(e.getKey(), e.getValue(), exact[0], exact[1]));
            given = given.add(exact[0]);
        }
        int left = fen.subtract(given).intValueExact();  // fewer than the number of departments
        List<Part> byLoss = parts.stream().sorted(Comparator.comparing(Part::lost).reversed()
                .thenComparing(Part::departmentId)).toList();
        List<Long> extra = byLoss.subList(0, left).stream().map(Part::departmentId).toList();
        return parts.stream().map(p -> new Share(p.departmentId(), p.contribution(),
                new BigDecimal(extra.contains(p.departmentId()) ? p.fen().add(BigInteger.ONE) : p.fen(), 2))).toList();
    }
}

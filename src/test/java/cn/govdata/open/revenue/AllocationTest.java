package cn.govdata.open.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Revenue shared by contribution: exact to the fen, the fen left over to the largest rounding losses. */
class AllocationTest {

    private static List<String> amounts(List<Allocation.Share> shares) {
        return shares.stream().map(s -> s.amount().toPlainString()).toList();
    }

    @Test
    void sharesFollowTheContributionsAndTheLeftOverFenGoesToTheLargestLoss() {
        assertThat(amounts(Allocation.byContribution(new BigDecimal("100.00"), Map.of(1L, 3L, 2L, 1L))))
                .containsExactly("75.00", "25.00");
        // 100.01 × 3/4 = 75.0075 and × 1/4 = 25.0025: the fen left goes to the first, which lost more
        assertThat(amounts(Allocation.byContribution(new BigDecimal("100.01"), Map.of(1L, 3L, 2L, 1L))))
                .containsExactly("75.01", "25.00");
        // equal losses: the lower department id first
        assertThat(amounts(Allocation.byContribution(new BigDecimal("0.02"), Map.of(7L, 1L, 3L, 1L, 5L, 1L))))
                .containsExactly("0.01", "0.01", "0.00");
        assertThat(amounts(Allocation.byContribution(new BigDecimal("10"), Map.of(1L, 0L, 2L, 0L, 3L, 0L))))
                .as("nothing counted: equal shares").containsExactly("3.34", "3.33", "3.33");
        assertThat(amounts(Allocation.byContribution(new BigDecimal("5.00"), Map.of(1L, 0L, 2L, 9L))))
                .containsExactly("0.00", "5.00");
        assertThatThrownBy(() -> Allocation.byContribution(BigDecimal.ONE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesAlwaysSumToTheAmountExactly() {
        Random random = new Random(20261207);
        for (int round = 0; round < 2000; round++) {
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextLong(100_000_000_000L), 2);
            Map<Long, Long> contributions = new TreeMap<>();
            int departments = 1 + random.nextInt(12);
            for (long d = 1; d <= departments; d++) {
                contributions.put(d, random.nextInt(4) == 0 ? 0L : random.nextLong(1_000_000_000L));
            }
            List<Allocation.Share> shares = Allocation.byContribution(amount, contributions);
            assertThat(shares).hasSize(departments);
            assertThat(shares.stream().map(Allocation.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(amount + " " + contributions).isEqualByComparingTo(amount);
            assertThat(shares).allMatch(s -> s.amount().scale() == 2 && s.amount().signum() >= 0);
        }
    }
}

package cn.govdata.share.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.govdata.share.WayOfUse;
import cn.govdata.share.usage.ShareUsage.Medium;
import cn.govdata.share.usage.ShareUsage.Shape;
import cn.govdata.share.usage.ShareUsage.Summed;
import cn.govdata.shared.Actor;

/** Identical uses written together become one usage row that counts each of them. */
class ShareUsageSumTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final OffsetDateTime T = OffsetDateTime.parse("2026-12-07T10:15:03.100+08:00");

    private static Shape shape(WayOfUse way, String query) {
        return new Shape(7, DAY, Actor.Kind.SYSTEM, 3, "minzheng-hall", 12, way, "xm", query, Medium.API);
    }

    @Test
    void identicalUsesAreSummedAndOthersKeptApartInTheOrderTheyCame() {
        Shape verify = shape(WayOfUse.VERIFICATION, "key [gmsfhm]");
        Shape query = shape(WayOfUse.QUERY, "key [gmsfhm], page 0");
        List<Summed> rows = ShareUsage.summed(List.of(
                Summed.one(verify, T.plusNanos(50_000_000), 1),
                Summed.one(query, T.plusNanos(60_000_000), 0),
                Summed.one(verify, T, 1),
                Summed.one(verify, T.plusNanos(200_000_000), 1)));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(new Summed(verify, T, T.plusNanos(200_000_000), 3, 3));
        assertThat(rows.get(1)).isEqualTo(new Summed(query, T.plusNanos(60_000_000), T.plusNanos(60_000_000), 1, 0));
    }

    @Test
    void usesOfAnotherActorDayOrQueryAreNotTheSame() {
        Shape one = shape(WayOfUse.VERIFICATION, "key [gmsfhm]");
        List<Summed> rows = ShareUsage.summed(List.of(Summed.one(one, T, 1),
                Summed.one(new Shape(7, DAY, Actor.Kind.SYSTEM, 4, "other-hall", 12, WayOfUse.VERIFICATION, "xm",
                        "key [gmsfhm]", Medium.API), T, 1),
                Summed.one(new Shape(7, DAY.plusDays(1), Actor.Kind.SYSTEM, 3, "minzheng-hall", 12,
                        WayOfUse.VERIFICATION, "xm", "key [gmsfhm]", Medium.API), T, 1),
                Summed.one(shape(WayOfUse.VERIFICATION, "key [gmsfhm, xm]"), T, 1)));
        assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row.requests()).isEqualTo(1));
    }

    @Test
    void rowsSummedByAFailedWriteSumAgainWithWhatCameSince() {
        Shape verify = shape(WayOfUse.VERIFICATION, "key [gmsfhm]");
        List<Summed> rows = ShareUsage.summed(List.of(new Summed(verify, T, T.plusSeconds(1), 40, 38),
                Summed.one(verify, T.plusSeconds(2), 1)));
        assertThat(rows).containsExactly(new Summed(verify, T, T.plusSeconds(2), 41, 39));
    }
}

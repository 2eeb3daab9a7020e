package cn.govdata.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/** An export's rows opened on other threads come out whole and in the order they were read. */
class OpenedAheadTest {

    private final ExecutorService openers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        openers.shutdownNow();
    }

    private static <T> Function<List<String[]>, List<T>> eachRow(Function<String[], T> open) {
        return rows -> rows.stream().map(open).toList();
    }

    @Test
    void rowsComeOutInTheirOrderThoughChunksAreOpenedOnSeveralThreadsAtOnce() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> out = new ArrayList<>();
        OpenedAhead<String> ahead = new OpenedAhead<>(openers, eachRow(row -> {
            threads.add(Thread.currentThread().getName());
            if (ThreadLocalRandom.current().nextInt(200) == 0) {
                Thread.onSpinWait();  // chunks finish out of order now and then
            }
            return row[0].toUpperCase();
        }), out::add);
        int rows = OpenedAhead.CHUNK * 20 + 7;  // and a last chunk that is not full
        for (int i = 0; i < rows; i++) {
            ahead.accept(new String[] { "r" + i });
        }
        ahead.finish();

        assertThat(out).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(out.get(i)).isEqualTo("R" + i);
        }
        String reader = Thread.currentThread().getName();
        assertThat(threads).as("full chunks opened on the pool's threads").anyMatch(name -> !name.equals(reader));
    }

    @Test
    void noMoreThanAFewChunksAreHeldWhateverTheSizeOfTheExport() {
        AtomicInteger opening = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger handedOn = new AtomicInteger();
        int[] read = { 0 };
        OpenedAhead<String[]> ahead = new OpenedAhead<>(openers, chunk -> {
            most.accumulateAndGet(opening.incrementAndGet(), Math::max);
            try {
                return chunk;
            } finally {
                opening.decrementAndGet();
            }
        }, row -> {
            handedOn.incrementAndGet();
            // never more rows read than handed on plus the chunks allowed ahead and the one filling
            assertThat(read[0] - handedOn.get()).isLessThanOrEqualTo((OpenedAhead.AHEAD + 1) * OpenedAhead.CHUNK);
        });
        for (int i = 0; i < OpenedAhead.CHUNK * 50; i++) {
            read[0]++;
            ahead.accept(new String[] { Integer.toString(i) });
        }
        ahead.finish();
        assertThat(handedOn.get()).isEqualTo(OpenedAhead.CHUNK * 50);
        assertThat(most.get()).isLessThanOrEqualTo(OpenedAhead.AHEAD + 1);
    }

    @Test
    void aBrokenSealStopsTheExportWithTheSameError() {  // as SealBroken would, thrown on an opening thread
        List<String> out = new ArrayList<>();
        OpenedAhead<String> ahead = new OpenedAhead<>(openers, eachRow(row -> {
            if (row[0].equals("r700")) {
                throw new IllegalStateException("a sealed lake value was altered (it does not match its synthetic IV)");
            }
            return row[0];
        }), out::add);
        assertThatThrownBy(() -> {
            for (int i = 0; i < OpenedAhead.CHUNK * 10; i++) {
                ahead.accept(new String[] { "r" + i });
            }
            ahead.finish();
        }).isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("altered");
        ahead.abandon();
        assertThat(out).as("the rows before the broken one's chunk").hasSizeLessThanOrEqualTo(OpenedAhead.CHUNK);
    }
}

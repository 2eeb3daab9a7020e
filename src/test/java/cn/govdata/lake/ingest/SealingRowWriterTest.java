package cn.govdata.lake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SealingRowWriterTest {

    /** What reaches the real writer. */
    private static final class Recording implements RowWriter {
        final List<String> rows = new ArrayList<>();
        int flushes;

        @Override
        public void add(long row, String recordKey, List<String> values) {
            rows.add(row + " " + recordKey + " " + values);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void everyRowReachesTheWriterSealedAndInTheOrderReadAcrossChunks() {
        Recording writer = new Recording();
        SealingRowWriter sealing = new SealingRowWriter(writer, key -> "k:" + key,
                values -> values.stream().map(v -> "s:" + v).toList());
        int rows = 5_000;  // more than two chunks
        for (int i = 1; i <= rows; i++) {
            sealing.add(i, "key" + i, List.of("a" + i, "b" + i));
        }
        assertThat(writer.rows).as("whole chunks only before the flush").hasSize(4_096);
        sealing.flush();
        assertThat(writer.flushes).isEqualTo(1);
        assertThat(writer.rows).containsExactlyElementsOf(IntStream.rangeClosed(1, rows)
                .mapToObj(i -> i + " k:key" + i + " [s:a" + i + ", s:b" + i + "]").toList());
    }
}

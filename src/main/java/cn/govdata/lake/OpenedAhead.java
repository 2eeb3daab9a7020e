package cn.govdata.lake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Rows of an export turned into changes on other threads while the reader goes on reading, and handed to the sink in
 * the order they were read: opening sealed values is most of an export's time, reading and writing the rest. Rows go
 * in chunks; at most {@link #AHEAD} chunks are being opened at once, so memory stays constant whatever the size of
 * the export. The opening is called with a fresh chunk each time, possibly on several threads at once, so it keeps
 * nothing shared between chunks (the lake's exports give each chunk its own memo of opened values).
 */
final class OpenedAhead<T> implements Consumer<String[]> {

    static final int CHUNK = 512;
    static final int AHEAD = 4;

    private final ExecutorService openers;
    private final Function<List<String[]>, List<T>> opening;
    private final Consumer<T> sink;
    private final ArrayDeque<CompletableFuture<List<T>>> inFlight = new ArrayDeque<>();
    private List<String[]> filling = new ArrayList<>(CHUNK);

    OpenedAhead(ExecutorService openers, Function<List<String[]>, List<T>> opening, Consumer<T> sink) {
        this.openers = openers;
        this.opening = opening;
        this.sink = sink;
    }

    @Override
    public void accept(String[] row) {
        filling.add(row);
        if (filling.size() == CHUNK) {
            List<String[]> chunk = filling;
            filling = new ArrayList<>(CHUNK);
            inFlight.add(CompletableFuture.supplyAsync(() -> opening.apply(chunk), openers));
            while (inFlight.size() > AHEAD) {
                handOn(inFlight.poll());
            }
        }
    }

    /** Hands on what is still being opened and the last, partial chunk (opened here), in order. */
    void finish() {
        while (!inFlight.isEmpty()) {
            handOn(inFlight.poll());
        }
        opening.apply(filling).forEach(sink);
        filling = new ArrayList<>();
    }

    /** Stops early (the sink failed): what is being opened is not waited for, nor handed on. */
    void abandon() {
        inFlight.forEach(chunk -> chunk.cancel(false));
        inFlight.clear();
        filling = new ArrayList<>();
    }

    private void handOn(CompletableFuture<List<T>> chunk) {
        List<T> opened;
        try {
            opened = chunk.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;  // a broken seal, as the reader would have thrown it
            }
            throw e;
        }
        opened.forEach(sink);
    }
}

package org.cardiacrnn.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Hands events from an engine thread to the UI thread in batches: an important event (an epoch, a trial's
 * end) is passed on at once, frequent ones (iterations) at most about 20 times a second, so a fast engine
 * never floods the UI thread.
 */
public final class EventCoalescer<E> {

    private static final long INTERVAL_MILLIS = 50;

    private final TaskExecutor executor;
    private final Predicate<E> important;
    private final Consumer<List<E>> apply;
    private final ConcurrentLinkedQueue<E> pending = new ConcurrentLinkedQueue<>();
    private volatile boolean scheduled;
    private volatile long lastDrain;

    /**
     * @param apply receives, on the UI thread, the events queued since the last batch (never an empty list)
     */
    public EventCoalescer(TaskExecutor executor, Predicate<E> important, Consumer<List<E>> apply) {
        this.executor = executor;
        this.important = important;
        this.apply = apply;
    }

    /** Queues an event (any thread). */
    public void add(E event) {
        pending.add(event);
        if (!scheduled && (important.test(event) || System.currentTimeMillis() - lastDrain >= INTERVAL_MILLIS)) {
            scheduled = true;
            executor.runOnUiThread(this::drain);
        }
    }

    /** Applies everything queued so far (call on the UI thread). */
    public void drain() {
        scheduled = false;
        lastDrain = System.currentTimeMillis();
        List<E> events = new ArrayList<>();
        E event;
        while ((event = pending.poll()) != null) {
            events.add(event);
        }
        if (!events.isEmpty()) {
            apply.accept(events);
        }
    }
}

package org.cardiacrnn.training;

/** Receives the trainer's events, on the training thread; keep the work short or hand it on. */
@FunctionalInterface
public interface TrainingListener {

    void onEvent(TrainingEvent event);

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return event -> { };
    }
}

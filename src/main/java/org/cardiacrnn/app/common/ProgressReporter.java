package org.cardiacrnn.app.common;

/** What a background job sees of its task: a way to report progress and to learn it was cancelled. */
public interface ProgressReporter {

    /** Fraction in [0, 1], or a negative value for "unknown"; the message is shown in the status bar. */
    void update(double fraction, String message);

    boolean isCancelled();
}

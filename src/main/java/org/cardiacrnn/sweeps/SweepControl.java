package org.cardiacrnn.sweeps;

import org.cardiacrnn.training.TrainingControl;

/**
 * Lets another thread pause, resume or stop a sweep. Requests reach the trial training now and every trial
 * started later; a stopped sweep ends after the current mini-batch and can be resumed later.
 */
public final class SweepControl {

    private TrainingControl current = new TrainingControl();
    private boolean paused;
    private boolean stopRequested;

    public synchronized void pause() {
        paused = true;
        current.pause();
    }

    public synchronized void resume() {
        paused = false;
        current.resume();
    }

    public synchronized void stop() {
        stopRequested = true;
        current.stop();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isStopRequested() {
        return stopRequested;
    }

    /** A control for the next trial's training, already paused or stopped if the sweep is. */
    synchronized TrainingControl nextTrial() {
        current = new TrainingControl();
        if (paused) {
            current.pause();
        }
        if (stopRequested) {
            current.stop();
        }
        return current;
    }
}

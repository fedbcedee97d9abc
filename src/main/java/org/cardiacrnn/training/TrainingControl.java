package org.cardiacrnn.training;

/**
 * Lets another thread pause, resume or stop a running training. The trainer looks at it between
 * mini-batches, so every request takes effect at the next iteration boundary.
 */
public final class TrainingControl {

    private boolean paused;
    private boolean stopRequested;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Asks the training to end after the current mini-batch; also ends a pause. */
    public synchronized void stop() {
        stopRequested = true;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isStopRequested() {
        return stopRequested;
    }

    /**
     * Blocks the training thread while paused (without spinning) and tells whether to go on.
     *
     * @return false when a stop was requested
     */
    synchronized boolean awaitPermission() throws InterruptedException {
        while (paused && !stopRequested) {
            wait();
        }
        return !stopRequested;
    }
}

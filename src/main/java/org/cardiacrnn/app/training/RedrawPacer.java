package org.cardiacrnn.app.training;

/**
 * When the live charts are redrawn: at once for a milestone (an epoch, the end of a run), otherwise at most once
 * per interval. A redraw repaints a whole JFreeChart on the UI thread, and during training those redraws were
 * most of what the UI thread was doing whenever the window stalled (issue 16, responsiveness).
 */
final class RedrawPacer {

    private final long intervalMillis;
    private long lastMillis;
    private boolean drawn;

    RedrawPacer(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** Whether to redraw now; if so, the interval starts again from {@code nowMillis}. */
    boolean due(boolean milestone, long nowMillis) {
        if (milestone || !drawn || nowMillis - lastMillis >= intervalMillis) {
            drawn = true;
            lastMillis = nowMillis;
            return true;
        }
        return false;
    }
}

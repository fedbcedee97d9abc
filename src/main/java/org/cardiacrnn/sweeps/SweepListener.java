package org.cardiacrnn.sweeps;

/** Receives a sweep's events on the sweep's thread; must return quickly. */
@FunctionalInterface
public interface SweepListener {

    void onEvent(SweepEvent event);
}

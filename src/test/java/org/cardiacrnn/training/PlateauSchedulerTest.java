package org.cardiacrnn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlateauSchedulerTest {

    @Test
    void reducesAfterPatienceEpochsWithoutImprovementAndNeverBelowTheMinimum() {
        PlateauScheduler scheduler = new PlateauScheduler(0.3, 2, 1e-4, 1e-3);
        assertThat(scheduler.onEpoch(1.0)).isEqualTo(1e-3);
        assertThat(scheduler.onEpoch(0.9)).isEqualTo(1e-3);
        assertThat(scheduler.onEpoch(0.95)).isEqualTo(1e-3);
        assertThat(scheduler.onEpoch(0.91)).isCloseTo(3e-4, within(1e-12));
        assertThat(scheduler.onEpoch(0.92)).isCloseTo(3e-4, within(1e-12));
        assertThat(scheduler.onEpoch(0.93)).isCloseTo(1e-4, within(1e-12));
        assertThat(scheduler.onEpoch(0.94)).isCloseTo(1e-4, within(1e-12));
        assertThat(scheduler.onEpoch(0.95)).isCloseTo(1e-4, within(1e-12));
        assertThat(scheduler.onEpoch(0.5)).isCloseTo(1e-4, within(1e-12));
        assertThat(scheduler.state().bestLoss()).isEqualTo(0.5);
    }

    @Test
    void restoredStateContinuesTheCount() {
        PlateauScheduler first = new PlateauScheduler(0.5, 2, 0, 1.0);
        first.onEpoch(1.0);
        first.onEpoch(2.0);
        PlateauScheduler second = new PlateauScheduler(0.5, 2, 0, 1.0);
        second.restore(first.state());
        assertThat(second.onEpoch(2.0)).isEqualTo(0.5);
    }
}

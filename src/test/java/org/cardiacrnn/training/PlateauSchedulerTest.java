package org.cardiacrnn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlateauSchedulerTest {

    @Test
    void reducesAfterPatienceEpochsWithoutImprovementAndNeverBelowTheMinimum() {
        PlateauScheduler rule = new PlateauScheduler(0.3, 2, 1e-4);
        PlateauScheduler.State state = PlateauScheduler.start(1e-3);
        double[] losses = {1.0, 0.9, 0.95, 0.91, 0.92, 0.93, 0.94, 0.95, 0.5};
        double[] rates = {1e-3, 1e-3, 1e-3, 3e-4, 3e-4, 1e-4, 1e-4, 1e-4, 1e-4};
        for (int i = 0; i < losses.length; i++) {
            state = rule.next(state, losses[i]);
            assertThat(state.learningRate()).as("after epoch %d", i + 1).isCloseTo(rates[i], within(1e-12));
        }
        assertThat(state.bestLoss()).isEqualTo(0.5);
    }

    @Test
    void aSavedStateContinuesTheCount() {
        PlateauScheduler rule = new PlateauScheduler(0.5, 2, 0);
        PlateauScheduler.State saved = rule.next(rule.next(PlateauScheduler.start(1.0), 1.0), 2.0);
        PlateauScheduler.State copied = new PlateauScheduler.State(saved.bestLoss(),
                saved.epochsWithoutImprovement(), saved.learningRate());
        assertThat(new PlateauScheduler(0.5, 2, 0).next(copied, 2.0).learningRate()).isEqualTo(0.5);
    }
}

package org.cardiacrnn.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.junit.jupiter.api.Test;

class TrainingStateTest {

    private static final Hyperparameters FIVE_EPOCHS_PATIENCE_TWO = Hyperparameters.quick()
            .withOverride("epochs", "5").withOverride("earlyStoppingPatience", "2");

    private static TrainingEvent.Epoch epoch(int number) {
        return new TrainingEvent.Epoch(number, 1, 0.5, 1, 0.5, 1e-3, 1);
    }

    private static TrainingState afterScores(double... scores) {
        TrainingState state = TrainingState.fresh(FIVE_EPOCHS_PATIENCE_TWO);
        for (double score : scores) {
            state = state.after(epoch(state.epoch() + 1), state.iteration() + 3, score, state.scheduler(),
                    state.learningRate());
        }
        return state;
    }

    @Test
    void theFirstEpochIsTheBestSoFarAndLaterOnesOnlyWhenTheyScoreLower() {
        TrainingState state = afterScores(0.8, 0.9, 0.7, 0.7);

        assertThat(state.epoch()).isEqualTo(4);
        assertThat(state.iteration()).isEqualTo(12);
        assertThat(state.bestEpoch()).isEqualTo(3);
        assertThat(state.bestScore()).isEqualTo(0.7);
        assertThat(state.epochsWithoutImprovement()).isEqualTo(1);
        assertThat(state.history()).extracting(TrainingEvent.Epoch::epoch).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aNewStateLeavesTheOldOneAsItWas() {
        TrainingState before = afterScores(0.8);
        TrainingState after = before.after(epoch(2), 6, 0.5, before.scheduler(), 5e-4);

        assertThat(before.history()).hasSize(1);
        assertThat(before.bestEpoch()).isEqualTo(1);
        assertThat(after.learningRate()).isEqualTo(5e-4);
        assertThat(after.bestEpoch()).isEqualTo(2);
    }

    @Test
    void earlyStoppingAfterPatienceEpochsWithoutImprovementButNotAtTheLastEpoch() {
        assertThat(afterScores(0.8, 0.9).stopsEarly(FIVE_EPOCHS_PATIENCE_TWO)).isFalse();
        assertThat(afterScores(0.8, 0.9, 0.9).stopsEarly(FIVE_EPOCHS_PATIENCE_TWO)).isTrue();
        assertThat(afterScores(0.1, 0.2, 0.3, 0.4, 0.5).stopsEarly(FIVE_EPOCHS_PATIENCE_TWO)).isFalse();
        assertThat(afterScores(0.8, 0.9, 0.9).stopsEarly(FIVE_EPOCHS_PATIENCE_TWO.withOverride(
                "earlyStoppingPatience", "0"))).isFalse();
    }

    @Test
    void theHistoryCannotBeChangedFromOutside() {
        List<TrainingEvent.Epoch> history = new java.util.ArrayList<>(List.of(epoch(1)));
        TrainingState state = new TrainingState(1, 3, 1e-3, PlateauScheduler.start(1e-3), 0.5, 1, 0, history);
        history.add(epoch(2));

        assertThat(state.history()).hasSize(1);
    }
}

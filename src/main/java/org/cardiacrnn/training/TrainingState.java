package org.cardiacrnn.training;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.hyperparameters.Hyperparameters;

/**
 * The training loop's state between two epochs: fresh before the first, read back from a checkpoint's
 * {@code state.json} when a run resumes, and replaced by a new value after every finished epoch. Because it is
 * never changed in place, an epoch stopped or failed half-way leaves the last finished epoch's state as it was,
 * which is exactly what the last checkpoint holds.
 *
 * <p>The component names are the checkpoint's JSON field names: renaming one breaks resuming saved runs.
 *
 * @param bestScore the best epoch's score, lower is better ({@link Double#NaN} before the first epoch)
 */
record TrainingState(int epoch, int iteration, double learningRate, PlateauScheduler.State scheduler,
                     double bestScore, int bestEpoch, int epochsWithoutImprovement,
                     List<TrainingEvent.Epoch> history) {

    TrainingState {
        history = List.copyOf(history);
    }

    /** The state before the first epoch. */
    static TrainingState fresh(Hyperparameters hp) {
        return new TrainingState(0, 0, hp.learningRate(), PlateauScheduler.start(hp.learningRate()), Double.NaN,
                0, 0, List.of());
    }

    /** Whether an epoch scoring {@code score} beats every epoch so far (the first epoch always does). */
    boolean improvedBy(double score) {
        return Double.isNaN(bestScore) || score < bestScore;
    }

    /**
     * The state after the epoch that {@code finished} reports.
     *
     * @param iterationAfter the number of mini-batches trained since the run began, this epoch's included
     * @param score          this epoch's early-stopping score, lower is better
     * @param nextScheduler  the scheduler's state after this epoch; its rate is the next epoch's learning rate
     * @param nextRate       the learning rate of the next epoch
     */
    TrainingState after(TrainingEvent.Epoch finished, int iterationAfter, double score,
                        PlateauScheduler.State nextScheduler, double nextRate) {
        boolean improved = improvedBy(score);
        List<TrainingEvent.Epoch> longer = new ArrayList<>(history);
        longer.add(finished);
        return new TrainingState(finished.epoch(), iterationAfter, nextRate, nextScheduler,
                improved ? score : bestScore, improved ? finished.epoch() : bestEpoch,
                improved ? 0 : epochsWithoutImprovement + 1, longer);
    }

    /** Whether early stopping ends the run after this state's epoch, before the planned last epoch. */
    boolean stopsEarly(Hyperparameters hp) {
        return hp.earlyStoppingPatience() > 0 && epochsWithoutImprovement >= hp.earlyStoppingPatience()
                && epoch < hp.epochs();
    }
}

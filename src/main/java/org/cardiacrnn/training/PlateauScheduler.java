package org.cardiacrnn.training;

/**
 * ReduceLROnPlateau: when validation loss has not improved for {@code patience} epochs, multiply the
 * learning rate by {@code factor}, never going below {@code minimum}. The rule is a pure function from one
 * epoch's state to the next, so the state can be checkpointed and the rule tested on its own.
 */
public final class PlateauScheduler {

    /** The scheduler's memory between epochs; {@code learningRate} is the rate of the next epoch. */
    public record State(double bestLoss, int epochsWithoutImprovement, double learningRate) {
    }

    private final double factor;
    private final int patience;
    private final double minimum;

    public PlateauScheduler(double factor, int patience, double minimum) {
        this.factor = factor;
        this.patience = patience;
        this.minimum = minimum;
    }

    /** The state before the first epoch. */
    public static State start(double initialLearningRate) {
        return new State(Double.POSITIVE_INFINITY, 0, initialLearningRate);
    }

    /** The state after an epoch whose validation loss was {@code validationLoss}. */
    public State next(State state, double validationLoss) {
        if (validationLoss < state.bestLoss()) {
            return new State(validationLoss, 0, state.learningRate());
        }
        int waited = state.epochsWithoutImprovement() + 1;
        double rate = state.learningRate();
        if (waited >= patience && rate > minimum) {
            rate = Math.max(minimum, rate * factor);
            waited = 0;
        }
        return new State(state.bestLoss(), waited, rate);
    }
}

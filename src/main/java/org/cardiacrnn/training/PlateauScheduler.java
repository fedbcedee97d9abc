package org.cardiacrnn.training;

/**
 * ReduceLROnPlateau: when validation loss has not improved for {@code patience} epochs, multiply the
 * learning rate by {@code factor}, never going below {@code minimum}. A pure value class so its
 * state can be checkpointed and its rule tested on its own.
 */
public final class PlateauScheduler {

    /** The scheduler's memory between epochs. */
    public record State(double bestLoss, int epochsWithoutImprovement, double learningRate) {
    }

    private final double factor;
    private final int patience;
    private final double minimum;
    private State state;

    public PlateauScheduler(double factor, int patience, double minimum, double initialLearningRate) {
        this.factor = factor;
        this.patience = patience;
        this.minimum = minimum;
        this.state = new State(Double.POSITIVE_INFINITY, 0, initialLearningRate);
    }

    /** Records an epoch's validation loss and returns the learning rate for the next epoch. */
    public double onEpoch(double validationLoss) {
        if (validationLoss < state.bestLoss()) {
            state = new State(validationLoss, 0, state.learningRate());
            return state.learningRate();
        }
        int waited = state.epochsWithoutImprovement() + 1;
        double rate = state.learningRate();
        if (waited >= patience && rate > minimum) {
            rate = Math.max(minimum, rate * factor);
            waited = 0;
        }
        state = new State(state.bestLoss(), waited, rate);
        return rate;
    }

    public State state() {
        return state;
    }

    public void restore(State saved) {
        this.state = saved;
    }
}

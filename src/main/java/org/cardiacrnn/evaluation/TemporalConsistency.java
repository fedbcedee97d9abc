package org.cardiacrnn.evaluation;

import java.util.List;

/**
 * How often the predicted class changes as time steps are added (prefixes of 1, 2, …, T steps).
 *
 * @param changesPerSequence         for each sequence, how many times its predicted class differs from the
 *                                   one predicted with one step fewer (0 to T − 1)
 * @param meanChanges                mean of {@code changesPerSequence}
 * @param stableFractionFromStep     element {@code k − 1}: fraction of sequences whose predicted class is the
 *                                   same for every prefix of k to T steps (so the last element is 1)
 * @param stableCorrectFractionFromStep as above, counting only sequences whose stable class is the true one
 */
public record TemporalConsistency(List<Integer> changesPerSequence, double meanChanges,
                                  List<Double> stableFractionFromStep, List<Double> stableCorrectFractionFromStep) {

    public TemporalConsistency {
        changesPerSequence = List.copyOf(changesPerSequence);
        stableFractionFromStep = List.copyOf(stableFractionFromStep);
        stableCorrectFractionFromStep = List.copyOf(stableCorrectFractionFromStep);
    }
}

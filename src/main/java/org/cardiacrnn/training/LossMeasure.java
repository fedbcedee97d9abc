package org.cardiacrnn.training;

import org.cardiacrnn.hyperparameters.Hyperparameters;

/**
 * The training objective and accuracy computed from predicted probabilities, without the L2 penalty, so
 * training and validation figures are comparable epoch to epoch.
 */
record LossMeasure(double loss, double accuracy) {

    private static final double EPSILON = 1e-7;

    static LossMeasure of(Hyperparameters hp, float[][] probabilities, int[] labels, double[] classWeights) {
        Sum sum = new Sum(hp, classWeights);
        sum.add(probabilities, labels);
        return sum.measure();
    }

    /**
     * The measure summed over mini-batches as they come, so an epoch's training figures need no second pass
     * over the training data: the loss is weighted per sequence exactly as {@link #of} weights it.
     */
    static final class Sum {

        private final Hyperparameters hp;
        private final double[] classWeights;
        private double total;
        private double weightSum;
        private int correct;
        private int count;

        Sum(Hyperparameters hp, double[] classWeights) {
            this.hp = hp;
            this.classWeights = classWeights;
        }

        void add(float[][] probabilities, int[] labels) {
            for (int i = 0; i < labels.length; i++) {
                float[] p = probabilities[i];
                double pTrue = Math.max(EPSILON, p[labels[i]]);
                double weight = 1;
                double value = -Math.log(pTrue);
                switch (hp.loss()) {
                    case FOCAL -> value *= hp.focalAlpha() * Math.pow(1 - pTrue, hp.focalGamma());
                    case WEIGHTED_CROSS_ENTROPY -> weight = classWeights == null ? 1 : classWeights[labels[i]];
                    case CROSS_ENTROPY -> { }
                }
                total += weight * value;
                weightSum += weight;
                int predicted = 0;
                for (int c = 1; c < p.length; c++) {
                    if (p[c] > p[predicted]) {
                        predicted = c;
                    }
                }
                if (predicted == labels[i]) {
                    correct++;
                }
                count++;
            }
        }

        /** The measure over everything added; NaN for both when nothing was. */
        LossMeasure measure() {
            if (count == 0) {
                return new LossMeasure(Double.NaN, Double.NaN);
            }
            return new LossMeasure(total / weightSum, correct / (double) count);
        }
    }
}

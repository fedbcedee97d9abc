package org.cardiacrnn.training;

/**
 * The training objective and accuracy computed from predicted probabilities, without dropout, augmentation
 * or the L2 penalty, so training and validation figures are comparable epoch to epoch.
 */
record LossMeasure(double loss, double accuracy) {

    private static final double EPSILON = 1e-7;

    static LossMeasure of(Hyperparameters hp, float[][] probabilities, int[] labels, double[] classWeights) {
        if (labels.length == 0) {
            return new LossMeasure(Double.NaN, Double.NaN);
        }
        double total = 0;
        double weightSum = 0;
        int correct = 0;
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
        }
        return new LossMeasure(total / weightSum, correct / (double) labels.length);
    }
}

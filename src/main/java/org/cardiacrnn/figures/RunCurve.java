package org.cardiacrnn.figures;

/**
 * One run's metric per epoch, for overlaying runs.
 *
 * @param runName shown in the legend
 * @param epochs  epoch numbers
 * @param values  metric value per epoch
 */
public record RunCurve(String runName, double[] epochs, double[] values) {

    public RunCurve {
        if (epochs.length != values.length) {
            throw new IllegalArgumentException(runName + ": " + epochs.length + " epochs but " + values.length
                    + " values");
        }
        epochs = epochs.clone();
        values = values.clone();
    }

    @Override
    public double[] epochs() {
        return epochs.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}

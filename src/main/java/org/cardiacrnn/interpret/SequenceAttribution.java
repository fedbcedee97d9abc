package org.cardiacrnn.interpret;

import org.cardiacrnn.nn.ClassOutput;

/**
 * Attributions of one output of a sequence's class (probability, log-probability or logit) to its inputs.
 *
 * @param sequence            index of the sequence in its dataset
 * @param targetClass         the class whose probability is explained
 * @param predictedClass      the class the network predicts for the sequence
 * @param values              attribution per gene and time step, {@code values[g * timeSteps + t]}
 * @param timeSteps           time steps of the sequence
 * @param output              which output of the target class is explained
 * @param inputValue          that output at the input
 * @param baselineValue       that output at the baseline
 */
public record SequenceAttribution(int sequence, int targetClass, int predictedClass, float[] values, int timeSteps,
                                  ClassOutput output, double inputValue, double baselineValue) {

    public SequenceAttribution {
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    public float value(int gene, int time) {
        return values[gene * timeSteps + time];
    }

    public int geneCount() {
        return values.length / timeSteps;
    }

    /** Sum of all attributions; integrated gradients make it equal {@link #outputDifference()} up to the
     *  error of the path integral. */
    public double total() {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    public double outputDifference() {
        return inputValue - baselineValue;
    }
}

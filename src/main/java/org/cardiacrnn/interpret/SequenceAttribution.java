package org.cardiacrnn.interpret;

import org.cardiacrnn.nn.ClassOutput;

/**
 * Attributions of one output of a sequence's class (probability, log-probability or logit) to its inputs.
 *
 * @param sequence            index of the sequence in its dataset
 * @param targetClass         the class whose probability is explained
 * @param predictedClass      the class the network predicts for the sequence
 * @param values              attribution per gene and time step, {@code values[g * timeSteps + t]}
 * @param raised              per gene and time step, whether the input lies above the baseline there; the
 *                            attribution of such a cell is evidence from raised expression, of any other cell
 *                            evidence from lowered expression (a cell at the baseline has no attribution)
 * @param timeSteps           time steps of the sequence
 * @param output              which output of the target class is explained
 * @param inputValue          that output at the input
 * @param baselineValue       that output at the baseline
 */
public record SequenceAttribution(int sequence, int targetClass, int predictedClass, float[] values,
                                  boolean[] raised, int timeSteps, ClassOutput output, double inputValue,
                                  double baselineValue) {

    public SequenceAttribution {
        if (raised.length != values.length) {
            throw new IllegalArgumentException("need one raised flag per attribution");
        }
        values = values.clone();
        raised = raised.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    @Override
    public boolean[] raised() {
        return raised.clone();
    }

    public float value(int gene, int time) {
        return values[gene * timeSteps + time];
    }

    /** The attributions of the cells where the input lies above the baseline, zero elsewhere. */
    public float[] raisedPart() {
        return part(true);
    }

    /** The attributions of the cells where the input lies at or below the baseline, zero elsewhere;
     *  {@code raisedPart()[k] + loweredPart()[k] == values()[k]} exactly, since one of the two is zero. */
    public float[] loweredPart() {
        return part(false);
    }

    private float[] part(boolean above) {
        float[] part = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            if (raised[k] == above) {
                part[k] = values[k];
            }
        }
        return part;
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

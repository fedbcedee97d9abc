package org.cardiacrnn.interpret;

import java.util.Locale;

import org.cardiacrnn.sequences.SequenceDataset;

/**
 * The reference input attributions are measured against.
 *
 * @param kind      what the baseline is
 * @param geneMeans for {@link Kind#TRAINING_MEAN}: per gene, its mean over the training sequences after
 *                  preprocessing (all zero after z-scoring); ignored otherwise
 */
public record Baseline(Kind kind, float[] geneMeans) {

    public enum Kind {
        /** Every gene at its training mean at every time step: "an average sequence". */
        TRAINING_MEAN("training-mean"),
        /** The sequence blurred flat over time: each gene held at its own mean over the sequence, so what is
         *  attributed is the timing of expression, not its level. */
        BLURRED("blurred");

        private final String cliName;

        Kind(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        public static Kind parse(String name) {
            for (Kind kind : values()) {
                if (kind.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new InterpretException("--baseline must be training-mean or blurred, not \"" + name + "\"");
        }
    }

    public Baseline {
        geneMeans = geneMeans == null ? null : geneMeans.clone();
    }

    /** The training mean as the baseline; zero for every gene when the data were z-scored. */
    public static Baseline trainingMean(float[] geneMeans) {
        return new Baseline(Kind.TRAINING_MEAN, geneMeans);
    }

    /** Zero everywhere: the training mean of z-scored data. */
    public static Baseline zero(int genes) {
        return new Baseline(Kind.TRAINING_MEAN, new float[genes]);
    }

    public static Baseline blurred() {
        return new Baseline(Kind.BLURRED, null);
    }

    /** Per-gene means over every present time step of every sequence in {@code training}. */
    public static Baseline trainingMean(SequenceDataset training) {
        int genes = training.featureCount();
        int steps = training.timeSteps();
        double[] sums = new double[genes];
        long present = 0;
        for (int i = 0; i < training.sequenceCount(); i++) {
            for (int t = 0; t < steps; t++) {
                if (training.hasMask() && training.mask()[i * steps + t] == 0) {
                    continue;
                }
                present++;
                for (int g = 0; g < genes; g++) {
                    sums[g] += training.value(i, g, t);
                }
            }
        }
        float[] means = new float[genes];
        for (int g = 0; g < genes; g++) {
            means[g] = present == 0 ? 0 : (float) (sums[g] / present);
        }
        return trainingMean(means);
    }

    /** The baseline of one sequence, {@code [genes * time]} in the dataset's layout. */
    float[] of(float[] sequence, int genes, int steps) {
        float[] baseline = new float[genes * steps];
        for (int g = 0; g < genes; g++) {
            float value;
            if (kind == Kind.TRAINING_MEAN) {
                if (geneMeans.length != genes) {
                    throw new InterpretException("the baseline has " + geneMeans.length + " genes, the data "
                            + genes);
                }
                value = geneMeans[g];
            } else {
                double sum = 0;
                for (int t = 0; t < steps; t++) {
                    sum += sequence[g * steps + t];
                }
                value = (float) (sum / steps);
            }
            java.util.Arrays.fill(baseline, g * steps, (g + 1) * steps, value);
        }
        return baseline;
    }
}

package org.cardiacrnn.sequences;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * The training-time augmentations of the methodology, as data functions on a mini-batch. Each returns a
 * new batch and draws only from the generator it is given, so a seeded run repeats exactly.
 */
public final class Augmentations {

    private Augmentations() {
    }

    /**
     * The combination the hyperparameters ask for; {@link Augmentation#none()} when all are zero.
     *
     * @param noiseSigma         standard deviation of Gaussian noise added to every value
     * @param temporalDropout    probability of blanking a time step (its values set to 0)
     * @param shuffleProbability probability per sequence of swapping two neighbouring time steps
     */
    public static Augmentation of(double noiseSigma, double temporalDropout, double shuffleProbability) {
        Augmentation combined = Augmentation.none();
        if (shuffleProbability > 0) {
            combined = combined.andThen(neighbourSwap(shuffleProbability));
        }
        if (temporalDropout > 0) {
            combined = combined.andThen(temporalDropout(temporalDropout));
        }
        if (noiseSigma > 0) {
            combined = combined.andThen(gaussianNoise(noiseSigma));
        }
        return combined;
    }

    /**
     * Adds N(0, σ²) noise to every value. The values come from a {@link SplittableRandom} seeded from
     * {@code random}: its ziggurat-based {@code nextGaussian()} is several times faster than
     * {@link Random#nextGaussian()} (synchronized, polar method), which took a tenth of a training epoch of
     * the methodology's 2,000-gene batches.
     */
    public static Augmentation gaussianNoise(double sigma) {
        return (batch, random) -> {
            float[] values = batch.features().clone();
            SplittableRandom fast = new SplittableRandom(random.nextLong());
            for (int i = 0; i < values.length; i++) {
                values[i] += (float) (sigma * fast.nextGaussian());
            }
            return withFeatures(batch, values, batch.mask());
        };
    }

    /**
     * Blanks each time step with the given probability: its values become 0 and, when the batch has a mask,
     * the step is masked. At least one step of every sequence is kept.
     */
    public static Augmentation temporalDropout(double probability) {
        return (batch, random) -> {
            float[] values = batch.features().clone();
            float[] mask = batch.hasMask() ? batch.mask().clone() : null;
            int steps = batch.timeSteps();
            int features = batch.featureCount();
            for (int i = 0; i < batch.sequenceCount(); i++) {
                boolean[] drop = new boolean[steps];
                int kept = steps;
                for (int t = 0; t < steps; t++) {
                    drop[t] = random.nextDouble() < probability;
                    kept -= drop[t] ? 1 : 0;
                }
                if (kept == 0) {
                    drop[random.nextInt(steps)] = false;
                }
                for (int t = 0; t < steps; t++) {
                    if (!drop[t]) {
                        continue;
                    }
                    for (int f = 0; f < features; f++) {
                        values[(i * features + f) * steps + t] = 0f;
                    }
                    if (mask != null) {
                        mask[i * steps + t] = 0f;
                    }
                }
            }
            return withFeatures(batch, values, mask);
        };
    }

    /**
     * Within-trajectory shuffle: with the given probability a sequence has two neighbouring time steps
     * swapped. Samples next to each other in a trajectory are near-replicates in time, so a local swap is a
     * plausible variation that teaches the network not to rely on exact sample order, while the overall
     * direction of differentiation is kept.
     */
    public static Augmentation neighbourSwap(double probability) {
        return (batch, random) -> {
            int steps = batch.timeSteps();
            if (steps < 2) {
                return batch;
            }
            float[] values = batch.features().clone();
            float[] mask = batch.hasMask() ? batch.mask().clone() : null;
            int features = batch.featureCount();
            for (int i = 0; i < batch.sequenceCount(); i++) {
                if (random.nextDouble() >= probability) {
                    continue;
                }
                int t = random.nextInt(steps - 1);
                for (int f = 0; f < features; f++) {
                    int at = (i * features + f) * steps + t;
                    float swap = values[at];
                    values[at] = values[at + 1];
                    values[at + 1] = swap;
                }
                if (mask != null) {
                    float swap = mask[i * steps + t];
                    mask[i * steps + t] = mask[i * steps + t + 1];
                    mask[i * steps + t + 1] = swap;
                }
            }
            return withFeatures(batch, values, mask);
        };
    }

    private static SequenceDataset withFeatures(SequenceDataset batch, float[] values, float[] mask) {
        int[][] rows = new int[batch.sequenceCount()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = batch.sourceRows(i);
        }
        return new SequenceDataset(values, batch.sequenceCount(), batch.featureCount(), batch.timeSteps(), mask,
                batch.labels(), batch.classNames(), batch.groupIds(), rows, batch.featureNames());
    }
}

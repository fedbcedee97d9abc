package org.cardiacrnn.sequences;

import java.util.Random;

/**
 * A training-time transformation of a mini-batch (Gaussian noise, temporal dropout, within-trajectory
 * shuffle…). It returns a new batch and never changes its input; all randomness comes from the given
 * generator so a seeded run repeats exactly. Applied to the training split only.
 */
@FunctionalInterface
public interface Augmentation {

    SequenceDataset apply(SequenceDataset batch, Random random);

    /** Leaves every batch as it is. */
    static Augmentation none() {
        return (batch, random) -> batch;
    }

    /** This augmentation followed by another. */
    default Augmentation andThen(Augmentation next) {
        return (batch, random) -> next.apply(apply(batch, random), random);
    }
}

package org.cardiacrnn.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AugmentationsTest {

    private static SequenceDataset batch(int n, int features, int steps) {
        float[] values = new float[n * features * steps];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        List<String> groups = new ArrayList<>();
        int[][] rows = new int[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            groups.add("g");
            rows[i] = new int[] {i};
        }
        List<String> names = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            names.add("G" + f);
        }
        return new SequenceDataset(values, n, features, steps, null, labels, List.of("a"), groups, rows, names);
    }

    @Test
    void noiseHasTheRequestedSpreadAndLeavesTheInputAlone() {
        SequenceDataset input = batch(50, 20, 10);
        float[] before = input.features().clone();
        SequenceDataset noisy = Augmentations.gaussianNoise(0.5).apply(input, new Random(1));
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < before.length; i++) {
            double d = noisy.features()[i] - before[i];
            sum += d;
            squares += d * d;
        }
        double mean = sum / before.length;
        assertThat(mean).isCloseTo(0, within(0.02));
        assertThat(Math.sqrt(squares / before.length - mean * mean)).isCloseTo(0.5, within(0.02));
        assertThat(input.features()).containsExactly(before);
    }

    @Test
    void temporalDropoutBlanksAboutTheRequestedShareButNeverAWholeSequence() {
        SequenceDataset input = batch(400, 3, 5);
        SequenceDataset dropped = Augmentations.temporalDropout(0.3).apply(input, new Random(2));
        int blank = 0;
        for (int i = 0; i < 400; i++) {
            int blankInSequence = 0;
            for (int t = 0; t < 5; t++) {
                if (dropped.value(i, 0, t) == 0f && dropped.value(i, 2, t) == 0f && input.value(i, 2, t) != 0f) {
                    blankInSequence++;
                }
            }
            assertThat(blankInSequence).isLessThan(5);
            blank += blankInSequence;
        }
        assertThat(blank / 2000.0).isCloseTo(0.3, within(0.03));
    }

    @Test
    void neighbourSwapExchangesTwoAdjacentSteps() {
        SequenceDataset input = batch(1, 2, 4);
        SequenceDataset swapped = Augmentations.neighbourSwap(1.0).apply(input, new Random(3));
        int moved = 0;
        for (int t = 0; t < 4; t++) {
            if (swapped.value(0, 0, t) != input.value(0, 0, t)) {
                moved++;
            }
        }
        assertThat(moved).isEqualTo(2);
    }

    @Test
    void sameSeedSameBatch() {
        Augmentation all = Augmentations.of(0.1, 0.2, 0.5);
        SequenceDataset input = batch(10, 4, 6);
        assertThat(all.apply(input, new Random(9)).features())
                .containsExactly(all.apply(input, new Random(9)).features());
        assertThat(Augmentations.of(0, 0, 0).apply(input, new Random(9))).isSameAs(input);
    }
}

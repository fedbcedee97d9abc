package org.cardiacrnn.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.cardiacrnn.sequences.SequenceDataset;
import org.junit.jupiter.api.Test;

/**
 * A model saved by version 0.1.0 (a 2-layer bidirectional LSTM of 4 units through the fast layer, 5 genes,
 * 3 classes, the quick preset otherwise) must load and predict what it predicted then. DL4J names each layer's
 * class in {@code model.zip}, so renaming or moving one (see docs/run-folder.md) breaks every saved run; this
 * test says so before a user finds out.
 */
class SavedModelCompatibilityTest {

    private static final String FOLDER = "/org/cardiacrnn/training/legacy-0.1.0/";
    private static final int SEQUENCES = 6;
    private static final int GENES = 5;
    private static final int STEPS = 4;

    @Test
    void aModelSavedByVersion010PredictsWhatItPredictedThen() throws IOException, URISyntaxException {
        Path zip = Path.of(getClass().getResource(FOLDER + "model.zip").toURI());
        List<String> expected = Files.readAllLines(
                Path.of(getClass().getResource(FOLDER + "expected-probabilities.csv").toURI()));

        TrainedModel model = TrainedModel.load(zip);
        float[][] probabilities = model.predictProbabilities(inputs(model.classNames()));

        assertThat(model.classNames()).containsExactly("atrial", "ventricular", "nodal");
        assertThat(probabilities).hasNumberOfRows(SEQUENCES);
        for (int s = 0; s < SEQUENCES; s++) {
            String[] then = expected.get(s).split(",");
            for (int c = 0; c < then.length; c++) {
                assertThat((double) probabilities[s][c]).as("sequence %d, class %d", s, c)
                        .isCloseTo(Double.parseDouble(then[c]), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    /** The inputs the expected probabilities were computed for: sin(0.37 i) over the [n, genes, time] array. */
    private static SequenceDataset inputs(List<String> classes) {
        float[] values = new float[SEQUENCES * GENES * STEPS];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(0.37 * i);
        }
        return new SequenceDataset(values, SEQUENCES, GENES, STEPS, null, new int[SEQUENCES], classes,
                Collections.nCopies(SEQUENCES, "g"), new int[SEQUENCES][0], List.of("a", "b", "c", "d", "e"));
    }
}

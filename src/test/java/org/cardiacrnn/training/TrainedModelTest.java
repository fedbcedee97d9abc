package org.cardiacrnn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.sequences.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedModelTest {

    @Test
    void savedModelPredictsTheSameProbabilitiesAndKeepsExtras(@TempDir Path folder) {
        SequenceDataset data = ToySequences.make(10, 6, 4, 3, 1.0, 3);
        Hyperparameters hp = Hyperparameters.methodology().withOverride("hiddenUnits", "5")
                .withOverride("layers", "2").withOverride("denseUnits", "4");
        TrainedModel model = new TrainedModel(NetworkFactory.build(hp, 6, 3, null), data.classNames());
        float[][] before = model.predictProbabilities(data);

        Path file = folder.resolve("model.zip");
        model.save(file, Map.of("preprocessing.json", "{\"genes\":[]}".getBytes(StandardCharsets.UTF_8)));
        TrainedModel loaded = TrainedModel.load(file);

        assertThat(loaded.predictProbabilities(data)).isDeepEqualTo(before);
        assertThat(loaded.classNames()).isEqualTo(data.classNames());
        assertThat(new String(loaded.extraEntry("preprocessing.json"), StandardCharsets.UTF_8)).contains("genes");
        assertThat(before[0]).hasSize(3);
    }

    @Test
    void largeSetsArePredictedInBatchesThatChangeNothing() {
        SequenceDataset data = ToySequences.make(300, 6, 4, 3, 1.0, 5);
        Hyperparameters hp = Hyperparameters.methodology().withOverride("hiddenUnits", "5")
                .withOverride("layers", "2").withOverride("denseUnits", "4");
        TrainedModel model = new TrainedModel(NetworkFactory.build(hp, 6, 3, null), data.classNames());

        float[][] all = model.predictProbabilities(data);

        assertThat(all).hasNumberOfRows(300);
        for (int i : new int[] {0, 149, 150, 151, 299}) {
            float[] alone = model.predictProbabilities(data.subset(new int[] {i}))[0];
            assertThat(all[i]).as("sequence " + i).containsExactly(alone, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void aFileThatIsNoModelIsNamed(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("notes.zip");
        Files.writeString(file, "hello");
        assertThatThrownBy(() -> TrainedModel.load(file)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("notes.zip");
    }
}

package org.cardiacrnn.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.nn.Tensors;
import org.cardiacrnn.sequences.SequenceDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class CheckpointTest {

    @Test
    void savedNetworksReadBackWithParametersOptimiserStateAndOutputs(@TempDir Path folder) {
        SequenceDataset data = ToySequences.make(12, 6, 4, 3, 1.0, 6);
        Hyperparameters hp = ToySequences.tiny();
        MultiLayerNetwork network = NetworkFactory.build(hp, 6, 3, null);
        network.fit(Tensors.dataSet(data));
        INDArray best = network.params().dup();
        network.fit(Tensors.dataSet(data));
        Checkpoint.State state = new Checkpoint.State(2, 4, 1e-3, new PlateauScheduler(0.5, 3, 1e-6, 1e-3).state(),
                0.5, 1, 1, List.of());

        Checkpoint.save(folder, network, best, true, state);

        MultiLayerNetwork last = Checkpoint.readNetwork(folder, Checkpoint.LAST, true);
        assertThat(last.params()).isEqualTo(network.params());
        assertThat(last.getUpdater().getStateViewArray()).isEqualTo(network.getUpdater().getStateViewArray());
        assertThat(last.output(Tensors.features(data))).isEqualTo(network.output(Tensors.features(data)));
        MultiLayerNetwork restoredBest = Checkpoint.readNetwork(folder, Checkpoint.BEST, false);
        assertThat(restoredBest.params()).isEqualTo(best);
        assertThat(restoredBest.params()).isNotEqualTo(network.params());
        assertThat(Checkpoint.readState(folder).epoch()).isEqualTo(2);
    }
}

package org.cardiacrnn.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.nn.Tensors;
import org.cardiacrnn.sequences.SequenceDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointTest {

    @Test
    void arraysAreWrittenByteForByteAsNd4jWritesThem() throws Exception {
        INDArray matrix = Nd4j.rand(DataType.FLOAT, 70_000, 3);
        INDArray[] arrays = {matrix, matrix.getColumn(1), Nd4j.rand(DataType.FLOAT, 1, 5),
                Nd4j.rand(DataType.DOUBLE, 4, 2), Nd4j.create(DataType.FLOAT, 0)};
        for (INDArray array : arrays) {
            assertThat(bytes(out -> Checkpoint.write(array, out))).isEqualTo(bytes(out -> Nd4j.write(array, out)));
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws Exception;
    }

    private static byte[] bytes(Writer writer) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            writer.write(out);
        }
        return buffer.toByteArray();
    }

    @Test
    void savedNetworksReadBackWithParametersOptimiserStateAndOutputs(@TempDir Path folder) {
        SequenceDataset data = ToySequences.make(12, 6, 4, 3, 1.0, 6);
        Hyperparameters hp = ToySequences.tiny();
        MultiLayerNetwork network = NetworkFactory.build(hp, 6, 3, null);
        network.fit(Tensors.dataSet(data));
        INDArray best = network.params().dup();
        network.fit(Tensors.dataSet(data));
        TrainingState state = new TrainingState(2, 4, 1e-3, PlateauScheduler.start(1e-3), 0.5, 1, 1, List.of());

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

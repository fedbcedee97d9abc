package org.cardiacrnn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.nn.Tensors;
import org.cardiacrnn.sequences.SequenceDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class BatchMeasureTest {

    private static final SequenceDataset DATA = ToySequences.make(24, 12, 5, 3, 1.5, 4);

    @Test
    void measuresEachBatchFromTheForwardPassThatTrainsIt() {
        // Without dropout the training forward pass is the prediction with the weights before the update.
        Hyperparameters hp = ToySequences.tiny().withOverride("dropout", "0").withOverride("loss", "FOCAL");
        double[] weights = NetworkFactory.inverseFrequencyWeights(DATA.labels(), DATA.classCount());
        MultiLayerNetwork network = NetworkFactory.build(hp, DATA.featureCount(), DATA.classCount(), weights);
        TrainedModel model = new TrainedModel(network, DATA.classNames());
        BatchMeasure measure = BatchMeasure.attach(network, hp, weights);
        SequenceDataset first = DATA.subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        SequenceDataset second = DATA.subset(new int[] {8, 9, 10, 11, 12, 13, 14, 15, 16, 17});

        LossMeasure.Sum expected = new LossMeasure.Sum(hp, weights);
        expected.add(model.predictProbabilities(first), first.labels());
        measure.fit(network, Tensors.dataSet(first), first.labels());
        expected.add(model.predictProbabilities(second), second.labels());
        measure.fit(network, Tensors.dataSet(second), second.labels());
        // Predictions between batches are not training batches and must not count.
        model.predictProbabilities(DATA);

        LossMeasure measured = measure.epochMeasure();
        assertThat(measured.loss()).isCloseTo(expected.measure().loss(), within(1e-5));
        assertThat(measured.accuracy()).isEqualTo(expected.measure().accuracy());
        assertThat(measured.loss()).isPositive();

        measure.startEpoch();
        assertThat(measure.epochMeasure().loss()).isNaN();
    }

    @Test
    void weightedLossIsWeightedPerSequenceAcrossBatches() {
        Hyperparameters hp = ToySequences.tiny().withOverride("loss", "WEIGHTED_CROSS_ENTROPY");
        double[] weights = {1, 2, 4};
        float[][] probabilities = {{0.5f, 0.25f, 0.25f}, {0.1f, 0.8f, 0.1f}, {0.2f, 0.2f, 0.6f}};
        int[] labels = {0, 1, 2};
        LossMeasure.Sum sum = new LossMeasure.Sum(hp, weights);
        sum.add(new float[][] {probabilities[0]}, new int[] {labels[0]});
        sum.add(new float[][] {probabilities[1], probabilities[2]}, new int[] {labels[1], labels[2]});

        LossMeasure whole = LossMeasure.of(hp, probabilities, labels, weights);
        double expected = -(Math.log(0.5) + 2 * Math.log(0.8) + 4 * Math.log(0.6)) / 7;
        assertThat(whole.loss()).isCloseTo(expected, within(1e-6));
        assertThat(sum.measure()).isEqualTo(whole);
        assertThat(whole.accuracy()).isEqualTo(1.0);
    }
}

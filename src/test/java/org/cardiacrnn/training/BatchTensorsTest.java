package org.cardiacrnn.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.cardiacrnn.nn.Tensors;
import org.cardiacrnn.sequences.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

class BatchTensorsTest {

    @Test
    void refilledArraysHoldExactlyTheCurrentBatch() {
        SequenceDataset data = ToySequences.make(20, 6, 4, 3, 1.0, 8);
        BatchTensors tensors = new BatchTensors();
        int[][] batches = {{0, 1, 2, 3}, {7, 5, 9, 4}, {10, 11}, {12, 13, 14, 15}};
        DataSet previous = null;
        for (int[] rows : batches) {
            SequenceDataset batch = data.subset(rows);
            DataSet reused = tensors.of(batch);
            DataSet fresh = Tensors.dataSet(batch);
            assertThat(reused.getFeatures()).isEqualTo(fresh.getFeatures());
            assertThat(reused.getLabels()).isEqualTo(fresh.getLabels());
            assertThat(reused.getFeaturesMaskArray()).isNull();
            if (previous != null && rows.length == previous.numExamples()) {
                assertThat(reused.getFeatures()).isSameAs(previous.getFeatures());
            }
            previous = reused;
        }
    }

    @Test
    void aRangeOfSequencesIsThatSliceOfTheWholeDataset() {
        SequenceDataset data = ToySequences.make(9, 5, 3, 3, 1.0, 4);
        assertThat(Tensors.features(data, 3, 7))
                .isEqualTo(Tensors.features(data).get(NDArrayIndex.interval(3, 7), NDArrayIndex.all(),
                        NDArrayIndex.all()));
        assertThat(Tensors.features(data, 8, 9).shape()).containsExactly(1, 5, 3);
    }

    @Test
    void masksTravelWithTheirBatch() {
        SequenceDataset base = ToySequences.make(3, 2, 4, 2, 1.0, 2);
        float[] mask = {1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0};
        SequenceDataset masked = new SequenceDataset(base.features(), 3, 2, 4, mask, base.labels(),
                base.classNames(), base.groupIds(), new int[][] {{0}, {1}, {2}}, base.featureNames());

        DataSet reused = new BatchTensors().of(masked);

        assertThat(reused.getFeaturesMaskArray()).isEqualTo(Tensors.mask(masked));
        assertThat(reused.getFeatures()).isEqualTo(Tensors.features(masked));
    }
}

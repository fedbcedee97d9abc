package org.cardiacrnn.interpret;

import org.cardiacrnn.nn.InspectableNetwork;
import org.cardiacrnn.nn.Tensors;
import org.cardiacrnn.sequences.SequenceDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The learned representation of sequences, for downstream models (e.g. the temporal part of a GNN–RNN hybrid)
 * and for maps: what the classifier's dense part reads (the pooled recurrent output, 2 × hidden units for a
 * BiLSTM), or the last recurrent layer's state at every time step.
 */
public final class Embedder {

    private static final int BATCH = 256;

    private final InspectableNetwork network;

    public Embedder(MultiLayerNetwork trained) {
        this.network = InspectableNetwork.of(trained);
    }

    /** {@code [sequence][unit]}. */
    public float[][] pooled(SequenceDataset data) {
        float[][] rows = new float[data.sequenceCount()][];
        for (int from = 0; from < rows.length; from += BATCH) {
            int to = Math.min(rows.length, from + BATCH);
            INDArray features = Tensors.features(data, from, to);
            INDArray mask = Tensors.mask(data, from, to);
            float[][] block = network.pooled(features, mask).toFloatMatrix();
            System.arraycopy(block, 0, rows, from, block.length);
            Tensors.close(features, mask);
        }
        return rows;
    }

    /** {@code [sequence][time][unit]}; padded steps keep whatever the layer computed there (see the mask). */
    public float[][][] perStep(SequenceDataset data) {
        float[][][] rows = new float[data.sequenceCount()][][];
        for (int from = 0; from < rows.length; from += BATCH) {
            int to = Math.min(rows.length, from + BATCH);
            INDArray features = Tensors.features(data, from, to);
            INDArray mask = Tensors.mask(data, from, to);
            INDArray states = network.lastRecurrentStates(features, mask).permute(0, 2, 1).dup('c');
            for (int i = from; i < to; i++) {
                rows[i] = states.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i - from),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all())
                        .toFloatMatrix();
            }
            Tensors.close(features, mask);
        }
        return rows;
    }
}

package org.cardiacrnn.training;

import java.util.HashMap;
import java.util.Map;

import org.cardiacrnn.sequences.SequenceDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches as DL4J data sets in native arrays that are allocated once per batch size and refilled, instead
 * of new arrays for every batch: ND4J frees native memory only when the garbage collector finds the array
 * unreachable, which a small heap rarely does, so per-batch arrays pile up in the process's memory.
 *
 * <p>A data set returned by {@link #of} is valid until the next call with the same batch size.
 */
final class BatchTensors {

    private final Map<Integer, Arrays> bySize = new HashMap<>();

    private record Arrays(INDArray features, INDArray labels, INDArray mask, float[] oneHot) {
    }

    /** The batch as {@code [n, features, time]} features, one-hot labels and (when it has one) its mask. */
    DataSet of(SequenceDataset batch) {
        int n = batch.sequenceCount();
        Arrays arrays = bySize.get(n);
        if (arrays == null || arrays.features().length() != batch.features().length
                || arrays.labels().size(1) != batch.classCount()) {
            arrays = allocate(batch);
            bySize.put(n, arrays);
        }
        arrays.features().data().setData(batch.features());
        java.util.Arrays.fill(arrays.oneHot(), 0f);
        for (int i = 0; i < n; i++) {
            arrays.oneHot()[i * batch.classCount() + batch.label(i)] = 1f;
        }
        arrays.labels().data().setData(arrays.oneHot());
        INDArray mask = null;
        if (batch.hasMask()) {
            mask = arrays.mask();
            mask.data().setData(batch.mask());
        }
        return new DataSet(arrays.features(), arrays.labels(), mask, null);
    }

    private static Arrays allocate(SequenceDataset batch) {
        int n = batch.sequenceCount();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return new Arrays(
                    Nd4j.create(DataType.FLOAT, n, batch.featureCount(), batch.timeSteps()),
                    Nd4j.create(DataType.FLOAT, n, batch.classCount()),
                    Nd4j.create(DataType.FLOAT, n, batch.timeSteps()),
                    new float[n * batch.classCount()]);
        }
    }
}

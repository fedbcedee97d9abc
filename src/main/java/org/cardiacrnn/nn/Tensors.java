package org.cardiacrnn.nn;

import java.util.Arrays;

import org.cardiacrnn.sequences.SequenceDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Turns sequence datasets into ND4J arrays in DL4J's recurrent layout. */
public final class Tensors {

    private Tensors() {
    }

    /** Features {@code [n, features, time]}, float32 (a copy, C order like the dataset's array). */
    public static INDArray features(SequenceDataset sequences) {
        return Nd4j.create(sequences.features(), new long[] {sequences.sequenceCount(), sequences.featureCount(),
                sequences.timeSteps()}, DataType.FLOAT);
    }

    /**
     * Features of sequences {@code [from, to)}, {@code [to - from, features, time]}, float32 (a copy, made in one
     * bulk copy straight from the dataset's array: a batch of 250 methodology sequences is 20 MB).
     */
    public static INDArray features(SequenceDataset sequences, int from, int to) {
        int block = sequences.featureCount() * sequences.timeSteps();
        INDArray features = Nd4j.create(DataType.FLOAT, to - from, sequences.featureCount(), sequences.timeSteps());
        features.data().asNioFloat().put(0, sequences.features(), from * block, (to - from) * block);
        return features;
    }

    /** Feature mask of sequences {@code [from, to)}, {@code [to - from, time]}, or null without a mask. */
    public static INDArray mask(SequenceDataset sequences, int from, int to) {
        if (!sequences.hasMask()) {
            return null;
        }
        int steps = sequences.timeSteps();
        return Nd4j.create(Arrays.copyOfRange(sequences.mask(), from * steps, to * steps),
                new long[] {to - from, steps}, DataType.FLOAT);
    }

    /** Frees the native memory of arrays that are no longer used (nulls and views are skipped). */
    public static void close(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array != null && array.closeable()) {
                array.close();
            }
        }
    }

    /** Feature mask {@code [n, time]}, or null when every step is present. */
    public static INDArray mask(SequenceDataset sequences) {
        if (!sequences.hasMask()) {
            return null;
        }
        return Nd4j.create(sequences.mask(), new long[] {sequences.sequenceCount(), sequences.timeSteps()},
                DataType.FLOAT);
    }

    /** One-hot labels {@code [n, classes]}. */
    public static INDArray oneHotLabels(SequenceDataset sequences) {
        float[] oneHot = new float[sequences.sequenceCount() * sequences.classCount()];
        for (int i = 0; i < sequences.sequenceCount(); i++) {
            oneHot[i * sequences.classCount() + sequences.label(i)] = 1f;
        }
        return Nd4j.create(oneHot, new long[] {sequences.sequenceCount(), sequences.classCount()}, DataType.FLOAT);
    }

    /** A DL4J data set for sequence-level classification (labels have no time axis, so no label mask). */
    public static DataSet dataSet(SequenceDataset sequences) {
        return new DataSet(features(sequences), oneHotLabels(sequences), mask(sequences), null);
    }
}

package org.cardiacrnn.training;

import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import org.cardiacrnn.hyperparameters.Hyperparameters;

/**
 * Measures each training mini-batch from the forward pass that trains it (dropout and augmentation included,
 * weights as they were before the batch's update), the Keras convention for training loss and accuracy. It
 * saves the separate pass over the whole training set that measuring after the epoch would take, which cost
 * as much as a third of an epoch's arithmetic.
 *
 * <p>DL4J hands a listener the input of the output layer; the output layer itself (a product with 128 × classes
 * weights and the softmax) is evaluated here again, a negligible cost.
 */
final class BatchMeasure extends BaseTrainingListener {

    private final Hyperparameters hp;
    private final double[] classWeights;
    private LossMeasure.Sum sum;
    private int[] labels;

    private BatchMeasure(Hyperparameters hp, double[] classWeights) {
        this.hp = hp;
        this.classWeights = classWeights;
        startEpoch();
    }

    /** Measures {@code network}'s training batches from now on (it becomes the network's only listener). */
    static BatchMeasure attach(MultiLayerNetwork network, Hyperparameters hp, double[] classWeights) {
        BatchMeasure measure = new BatchMeasure(hp, classWeights);
        network.setListeners(measure);
        return measure;
    }

    /** Forgets the batches measured so far. */
    void startEpoch() {
        sum = new LossMeasure.Sum(hp, classWeights);
    }

    /** The measure over the batches trained since {@link #startEpoch()}. */
    LossMeasure epochMeasure() {
        return sum.measure();
    }

    /** Trains {@code network} on one batch and adds its measure; {@code batchLabels} are the batch's classes. */
    void fit(MultiLayerNetwork network, DataSet batch, int[] batchLabels) {
        labels = batchLabels;
        try {
            network.fit(batch);
        } finally {
            labels = null;
        }
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (labels == null) {
            return;
        }
        Layer output = ((MultiLayerNetwork) model).getOutputLayer();
        IActivation activation = ((BaseLayer) output.conf().getLayer()).getActivationFn();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray input = activations.get(activations.size() - 1).castTo(DataType.FLOAT);
            INDArray preOutput = input.mmul(output.getParam("W").castTo(DataType.FLOAT));
            INDArray bias = output.getParam("b");
            if (bias != null) {
                preOutput.addiRowVector(bias.castTo(DataType.FLOAT));
            }
            sum.add(activation.getActivation(preOutput, false).toFloatMatrix(), labels);
        }
    }
}

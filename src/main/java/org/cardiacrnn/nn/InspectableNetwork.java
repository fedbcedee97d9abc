package org.cardiacrnn.nn;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.nn.fast.FastBidirectionalLstm;
import org.cardiacrnn.nn.fast.FastBidirectionalLstmLayer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A copy of a trained classifier set up to be looked into: its layers run one by one at inference (no
 * dropout, also in the backward pass), and the first fast BiLSTM layer returns its input gradient, which
 * training skips. The trained network itself is left untouched, so training and prediction keep their speed.
 *
 * <p>The network must end in a softmax output layer after a 2-D representation (mean/max pooling or the
 * last time step), as every network the workbench builds does. Not thread-safe: one caller at a time.
 */
public final class InspectableNetwork {

    private final MultiLayerNetwork network;
    private final int outputIndex;
    private final int pooledIndex;
    private final int classes;

    private InspectableNetwork(MultiLayerNetwork network) {
        this.network = network;
        this.outputIndex = network.getnLayers() - 1;
        if (!(network.getLayerWiseConfigurations().getConf(outputIndex).getLayer() instanceof BaseOutputLayer)) {
            throw new WorkbenchException("the network does not end in an output layer, so there is no class score "
                    + "to attribute");
        }
        this.pooledIndex = outputIndex - 1 - denseLayersBeforeOutput(network);
        this.classes = (int) network.getLayer(outputIndex).getParam("W").size(1);
    }

    /** A copy of {@code trained} ready for gradients with respect to its input. */
    public static InspectableNetwork of(MultiLayerNetwork trained) {
        MultiLayerConfiguration configuration = trained.getLayerWiseConfigurations().clone();
        for (NeuralNetConfiguration layer : configuration.getConfs()) {
            prepare(layer.getLayer());
        }
        MultiLayerNetwork copy = new MultiLayerNetwork(configuration);
        copy.init(trained.params().dup(), false);
        copy.initGradientsView();
        for (Layer layer : copy.getLayers()) {
            if (layer instanceof FastBidirectionalLstmLayer fast) {
                fast.setParameterGradients(false);
            }
        }
        return new InspectableNetwork(copy);
    }

    private static void prepare(org.deeplearning4j.nn.conf.layers.Layer layer) {
        // Attributions explain the trained function, so dropout stays off in the backward pass too
        // (DL4J's dense layer would otherwise apply it again while backpropagating).
        layer.setIDropout(null);
        if (layer instanceof FastBidirectionalLstm fast) {
            fast.setInputGradient(true);
        } else if (layer instanceof Bidirectional bidirectional) {
            prepare(bidirectional.getFwd());
            prepare(bidirectional.getBwd());
        } else if (layer instanceof BaseWrapperLayer wrapper) {
            prepare(wrapper.getUnderlying());
        }
    }

    private static int denseLayersBeforeOutput(MultiLayerNetwork network) {
        int dense = 0;
        for (int i = network.getnLayers() - 2; i >= 0; i--) {
            if (network.getLayerWiseConfigurations().getConf(i).getLayer()
                    instanceof org.deeplearning4j.nn.conf.layers.DenseLayer) {
                dense++;
            } else {
                break;
            }
        }
        return dense;
    }

    public int classCount() {
        return classes;
    }

    /** Width of the pooled representation the dense part reads (2 × hidden units for a BiLSTM). */
    public long pooledWidth() {
        return network.getLayer(pooledIndex + 1).getParam("W").size(0);
    }

    /**
     * Class probabilities, per row the value of the differentiated output for its target class, and that
     * output's gradient with respect to the row's input.
     */
    public record Gradients(float[][] probabilities, double[] outputs, INDArray inputGradient) {
    }

    /**
     * Forward and backward pass for a batch.
     *
     * @param features [batch, genes, time]
     * @param mask     [batch, time] or null
     * @param targets  per row, the class whose output is differentiated
     * @param output   which output of that class: its probability, log-probability or logit
     */
    public Gradients gradients(INDArray features, INDArray mask, int[] targets, ClassOutput output) {
        List<INDArray> inputs = forward(features, mask, outputIndex);
        INDArray representation = inputs.get(outputIndex);
        INDArray weights = network.getLayer(outputIndex).getParam("W");
        INDArray logits = representation.mmul(weights.castTo(representation.dataType()))
                .addiRowVector(network.getLayer(outputIndex).getParam("b").castTo(representation.dataType()));
        INDArray probabilities = network.getLayer(outputIndex).activate(representation, false,
                LayerWorkspaceMgr.noWorkspaces());
        int batch = (int) features.size(0);
        double[] values = new double[batch];
        // The derivative with respect to the logits z: d z_c = e_c; d log p_c = e_c - p; d p_c = p_c (e_c - p).
        INDArray outputDelta = output == ClassOutput.LOGIT ? Nd4j.zeros(probabilities.dataType(), batch, classes)
                : probabilities.neg();
        for (int row = 0; row < batch; row++) {
            int target = targets[row];
            outputDelta.putScalar(row, target, outputDelta.getDouble(row, target) + 1);
            values[row] = switch (output) {
                case LOGIT -> logits.getDouble(row, target);
                case LOG_PROBABILITY -> logits.getDouble(row, target) - logSumExp(logits, row);
                case PROBABILITY -> probabilities.getDouble(row, target);
            };
        }
        if (output == ClassOutput.PROBABILITY) {
            INDArray targetProbability = Nd4j.create(DataType.FLOAT, batch, 1);
            for (int row = 0; row < batch; row++) {
                targetProbability.putScalar(row, 0, probabilities.getDouble(row, targets[row]));
            }
            outputDelta.muliColumnVector(targetProbability.castTo(outputDelta.dataType()));
        }
        INDArray epsilon = outputDelta.mmul(weights.transpose().castTo(outputDelta.dataType()));
        epsilon = backpropPreProcessor(outputIndex, epsilon, batch);
        for (int i = outputIndex - 1; i >= 0; i--) {
            Pair<Gradient, INDArray> step = network.getLayer(i).backpropGradient(epsilon,
                    LayerWorkspaceMgr.noWorkspaces());
            if (step.getSecond() == null) {
                throw new WorkbenchException("layer " + i + " of the network gives no input gradient");
            }
            epsilon = backpropPreProcessor(i, step.getSecond(), batch);
        }
        network.clearLayerMaskArrays();
        return new Gradients(probabilities.castTo(DataType.FLOAT).toFloatMatrix(), values,
                epsilon.castTo(DataType.FLOAT));
    }

    /**
     * As {@link #gradients}, for a batch of straight paths: blocks of {@code alphas.length} rows, row r of a block
     * being baseline + alphas[r] (input − baseline), its first row the baseline (alpha 0) and its last the input
     * (alpha 1). The input gradient returned is [blocks, genes, time]: per block, the sum of the gradients of its
     * inner rows (1 … alphas.length − 2), all that integrated gradients need. When the first layer is a fast BiLSTM
     * its input products take two rows per block instead of every row (see the kernel's {@code StraightPaths}), so
     * the rows must lie on their lines; other networks sum the rows' gradients.
     */
    public Gradients straightPathGradients(INDArray features, INDArray mask, int[] targets, ClassOutput output,
                                           double[] alphas) {
        int length = alphas.length;
        if (length < 3 || features.size(0) % length != 0) {
            throw new IllegalArgumentException("need whole paths of at least three rows");
        }
        if (network.getLayer(0) instanceof FastBidirectionalLstmLayer first
                && network.getLayerWiseConfigurations().getInputPreProcess(0) == null) {
            first.setStraightPaths(alphas);
            try {
                return gradients(features, mask, targets, output);
            } finally {
                first.setStraightPaths(null);
            }
        }
        Gradients rows = gradients(features, mask, targets, output);
        INDArray perRow = rows.inputGradient();
        long blocks = perRow.size(0) / length;
        INDArray summed = perRow.reshape('c', blocks, length, perRow.size(1), perRow.size(2))
                .get(NDArrayIndex.all(), NDArrayIndex.interval(1, length - 1), NDArrayIndex.all(), NDArrayIndex.all())
                .sum(1);
        return new Gradients(rows.probabilities(), rows.outputs(), summed.castTo(DataType.FLOAT));
    }

    private static double logSumExp(INDArray logits, int row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < logits.size(1); c++) {
            max = Math.max(max, logits.getDouble(row, c));
        }
        double sum = 0;
        for (int c = 0; c < logits.size(1); c++) {
            sum += Math.exp(logits.getDouble(row, c) - max);
        }
        return max + Math.log(sum);
    }

    /** Class probabilities [batch][classes]. */
    public float[][] probabilities(INDArray features, INDArray mask) {
        List<INDArray> inputs = forward(features, mask, outputIndex);
        INDArray probabilities = network.getLayer(outputIndex).activate(inputs.get(outputIndex), false,
                LayerWorkspaceMgr.noWorkspaces());
        network.clearLayerMaskArrays();
        return probabilities.castTo(DataType.FLOAT).toFloatMatrix();
    }

    /** The pooled representation [batch, pooledWidth] that the dense part of the classifier reads. */
    public INDArray pooled(INDArray features, INDArray mask) {
        List<INDArray> inputs = forward(features, mask, pooledIndex + 1);
        network.clearLayerMaskArrays();
        return inputs.get(pooledIndex + 1).castTo(DataType.FLOAT);
    }

    /** Hidden states of the last recurrent layer, [batch, units, time]. */
    public INDArray lastRecurrentStates(INDArray features, INDArray mask) {
        List<INDArray> inputs = forward(features, mask, pooledIndex + 1);
        network.clearLayerMaskArrays();
        INDArray states = inputs.get(pooledIndex);
        if (states.rank() != 3) {
            throw new WorkbenchException("this network reads only the last time step of its recurrent layers, "
                    + "so it keeps no per-step states to export");
        }
        return states.castTo(DataType.FLOAT);
    }

    /** Inputs of layers 0 … {@code upTo} (each after its input pre-processor). */
    private List<INDArray> forward(INDArray features, INDArray mask, int upTo) {
        network.setLayerMaskArrays(mask, null);
        List<INDArray> inputs = new ArrayList<>();
        INDArray activation = features.castTo(network.getLayerWiseConfigurations().getDataType());
        int batch = (int) features.size(0);
        for (int i = 0; i <= upTo; i++) {
            InputPreProcessor preProcessor = network.getLayerWiseConfigurations().getInputPreProcess(i);
            if (preProcessor != null) {
                activation = preProcessor.preProcess(activation, batch, LayerWorkspaceMgr.noWorkspaces());
            }
            inputs.add(activation);
            if (i < upTo) {
                Layer layer = network.getLayer(i);
                activation = layer.activate(activation, false, LayerWorkspaceMgr.noWorkspaces());
            }
        }
        return inputs;
    }

    private INDArray backpropPreProcessor(int layer, INDArray epsilon, int batch) {
        InputPreProcessor preProcessor = network.getLayerWiseConfigurations().getInputPreProcess(layer);
        return preProcessor == null ? epsilon : preProcessor.backprop(epsilon, batch, LayerWorkspaceMgr.noWorkspaces());
    }
}

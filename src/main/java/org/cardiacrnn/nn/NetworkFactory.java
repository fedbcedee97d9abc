package org.cardiacrnn.nn;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.nn.fast.FastBidirectionalLstm;
import org.cardiacrnn.nn.fast.FusedAdamUpdater;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Builds the DL4J network a {@link Hyperparameters} value describes. A bidirectional LSTM uses the
 * workbench's {@link FastBidirectionalLstm} (same parameters and outputs as DL4J's
 * {@code Bidirectional(LSTM)}, 2–3× faster); other cells use DL4J's own layers.
 */
public final class NetworkFactory {

    private NetworkFactory() {
    }

    /**
     * A ready-to-train float32 network, with the fused Adam step installed where its layers use Adam.
     *
     * @param classWeights per-class weights for weighted cross-entropy (ignored by the other losses); may be null
     */
    public static MultiLayerNetwork build(Hyperparameters hp, int features, int classes, double[] classWeights) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(hp, features, classes, classWeights));
        network.init();
        FusedAdamUpdater.install(network);
        return network;
    }

    /**
     * Sets every layer's learning rate. DL4J replaces the network's updater when the rate changes, so the fused
     * Adam step goes back in; call it only when the rate changes, as DL4J rebuilds the whole updater state.
     */
    public static void setLearningRate(MultiLayerNetwork network, double learningRate) {
        network.setLearningRate(learningRate);
        FusedAdamUpdater.install(network);
    }

    /** The network's configuration without allocating its parameters. */
    public static MultiLayerConfiguration configuration(Hyperparameters hp, int features, int classes,
                                                       double[] classWeights) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(hp.seed())
                .dataType(DataType.FLOAT)
                .updater(updater(hp))
                .weightInit(hp.weightInit() == Hyperparameters.WeightInitialisation.HE ? WeightInit.RELU
                        : WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (hp.l2() > 0) {
            base.regularization(new ArrayList<>(List.of(new ScorelessL2(hp.l2()))));
        }
        if (hp.optimiser() == Hyperparameters.Optimiser.ADAMW && hp.weightDecay() > 0) {
            // AdamW = Adam with decoupled weight decay, which DL4J offers as the WeightDecay regulariser.
            base.weightDecay(hp.weightDecay(), true);
        }
        if (hp.gradientClip() > 0) {
            base.gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                    .gradientNormalizationThreshold(hp.gradientClip());
        }
        NeuralNetConfiguration.ListBuilder list = base.list();
        int inputs = features;
        for (int layer = 0; layer < hp.layers(); layer++) {
            Layer recurrent = recurrentLayer(hp, inputs, layer == 0);
            boolean last = layer == hp.layers() - 1;
            list.layer(last && hp.pooling() == Hyperparameters.Pooling.LAST ? new LastTimeStep(recurrent) : recurrent);
            inputs = hp.hiddenUnits() * (hp.bidirectional() ? 2 : 1);
        }
        if (hp.pooling() != Hyperparameters.Pooling.LAST) {
            list.layer(new GlobalPoolingLayer.Builder(hp.pooling() == Hyperparameters.Pooling.MAX
                    ? PoolingType.MAX : PoolingType.AVG).build());
        }
        if (hp.denseUnits() > 0) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nOut(hp.denseUnits()).activation(Activation.RELU);
            if (hp.dropout() > 0) {
                dense.dropOut(1 - hp.dropout());
            }
            list.layer(dense.build());
        }
        list.layer(new OutputLayer.Builder(lossFunction(hp, classWeights)).activation(Activation.SOFTMAX)
                .nOut(classes).build());
        return list.setInputType(InputType.recurrent(features)).build();
    }

    private static Layer recurrentLayer(Hyperparameters hp, int inputs, boolean first) {
        // DL4J's dropOut(x) is the probability of keeping an input.
        double keep = 1 - hp.dropout();
        if (hp.cell() == Hyperparameters.Cell.LSTM && hp.bidirectional()) {
            // Nothing asks for the gradient with respect to the genes, so the first layer skips computing it.
            FastBidirectionalLstm.Builder fast = new FastBidirectionalLstm.Builder().nIn(inputs).nOut(hp.hiddenUnits())
                    .inputGradient(!first);
            if (hp.dropout() > 0) {
                fast.dropOut(keep);
            }
            return fast.build();
        }
        Layer cell;
        if (hp.cell() == Hyperparameters.Cell.LSTM) {
            LSTM.Builder lstm = new LSTM.Builder().nIn(inputs).nOut(hp.hiddenUnits()).activation(Activation.TANH);
            if (hp.dropout() > 0) {
                lstm.dropOut(keep);
            }
            cell = lstm.build();
        } else {
            SimpleRnn.Builder rnn = new SimpleRnn.Builder().nIn(inputs).nOut(hp.hiddenUnits())
                    .activation(Activation.TANH);
            if (hp.dropout() > 0) {
                rnn.dropOut(keep);
            }
            cell = rnn.build();
        }
        return hp.bidirectional() ? new Bidirectional(Bidirectional.Mode.CONCAT, cell) : cell;
    }

    private static IUpdater updater(Hyperparameters hp) {
        return switch (hp.optimiser()) {
            case ADAM, ADAMW -> new Adam(hp.learningRate(), Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY,
                    Hyperparameter.ADAM_BETA2.get(hp), Adam.DEFAULT_ADAM_EPSILON);
            case SGD -> new Nesterovs(hp.learningRate(), hp.momentum());
        };
    }

    private static ILossFunction lossFunction(Hyperparameters hp, double[] classWeights) {
        return switch (hp.loss()) {
            case FOCAL -> new FocalLoss(hp.focalAlpha(), hp.focalGamma());
            case CROSS_ENTROPY -> new LossMCXENT();
            case WEIGHTED_CROSS_ENTROPY -> classWeights == null ? new LossMCXENT()
                    : new LossMCXENT(Nd4j.create(classWeights).castTo(DataType.FLOAT).reshape(1, classWeights.length));
        };
    }

    /**
     * Inverse-frequency class weights from training labels, scaled to average 1 over the classes present,
     * so a rare lineage counts as much as a common one.
     */
    public static double[] inverseFrequencyWeights(int[] labels, int classes) {
        double[] counts = new double[classes];
        for (int label : labels) {
            counts[label]++;
        }
        double[] weights = new double[classes];
        int present = 0;
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            if (counts[c] > 0) {
                weights[c] = labels.length / (classes * counts[c]);
                sum += weights[c];
                present++;
            }
        }
        for (int c = 0; c < classes; c++) {
            weights[c] = present == 0 ? 1 : (counts[c] > 0 ? weights[c] * present / sum : 0);
        }
        return weights;
    }

    /** Trainable parameters of the network, computed from its configuration. */
    public static long parameterCount(Hyperparameters hp, int features, int classes) {
        MultiLayerConfiguration configuration = configuration(hp, features, classes, null);
        long total = 0;
        for (NeuralNetConfiguration layer : configuration.getConfs()) {
            total += layer.getLayer().initializer().numParams(layer);
        }
        return total;
    }

    /**
     * Rough bytes needed to train: parameters, their gradients and two Adam moments (4 copies of float32),
     * plus the recurrent activations kept for the backward pass (about 10 values per hidden unit, direction,
     * time step and sequence of a batch: gates, cell states, outputs and their gradients) and the input batch.
     */
    public static long estimatedTrainingMemoryBytes(Hyperparameters hp, int features, int timeSteps, int classes) {
        long parameters = parameterCount(hp, features, classes);
        long directions = hp.bidirectional() ? 2 : 1;
        long activations = 10L * hp.layers() * directions * hp.hiddenUnits() * timeSteps * hp.batchSize();
        long input = 3L * features * timeSteps * hp.batchSize();
        return 4L * (4 * parameters + activations + input);
    }

    /** Human-friendly form of a byte count. */
    public static String formatBytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
        }
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}

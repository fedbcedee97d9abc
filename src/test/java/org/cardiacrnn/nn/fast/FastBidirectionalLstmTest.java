package org.cardiacrnn.nn.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Checks the fast layer against DL4J's own {@code Bidirectional(CONCAT, LSTM)} with the same parameters
 * copied across, in double precision: outputs, loss and every parameter gradient of a two-layer stack
 * (the lower layer's gradients depend on the upper layer's input gradient), with and without a mask of
 * variable-length sequences.
 */
class FastBidirectionalLstmTest {

    private static final int N_IN = 5;
    private static final int UNITS = 3;
    private static final int CLASSES = 2;

    private DataType previousDefault;
    private DataType previousFloatingDefault;

    @BeforeEach
    void useDoublePrecision() {
        previousDefault = Nd4j.dataType();
        previousFloatingDefault = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        // The random inputs are the same on every run, so a failure can be reproduced.
        Nd4j.getRandom().setSeed(20_261_204L);
    }

    @AfterEach
    void restorePrecision() {
        Nd4j.setDefaultDataTypes(previousDefault, previousFloatingDefault);
    }

    @Test
    void outputsAndGradientsEqualDl4jBidirectionalLstm() {
        compareWithDl4j(4, 6);
    }

    /**
     * DL4J 1.0.0-M2.1's {@code Bidirectional(LSTM)} does not apply the feature mask inside the wrapped
     * LSTM, so its backward direction reads the padding. The fast layer starts the backward direction at
     * the last real step, so a padded batch must give exactly what DL4J gives for each sequence cut to
     * its real length: the same outputs, and parameter gradients equal to the sum of the per-sequence
     * gradients (DL4J divides by the batch size later, in the updater).
     */
    @Test
    void maskedBatchEqualsDl4jOnEachSequenceCutToItsLength() {
        int batch = 4;
        int steps = 6;
        MultiLayerNetwork fast = network(true, DataType.DOUBLE, 2);
        MultiLayerNetwork reference = network(false, DataType.DOUBLE, 2);
        copyParameters(reference, fast);
        INDArray input = Nd4j.rand(DataType.DOUBLE, batch, N_IN, steps).subi(0.5).muli(2);
        int[] classes = {0, 1, 1, 0};
        int[] lengths = {6, 3, 1, 5};
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, batch, steps);
        for (int i = 0; i < batch; i++) {
            mask.get(interval(i, i + 1), interval(0, lengths[i])).assign(1);
        }
        INDArray fastOut = fast.output(input, false, mask, null);
        fast.setInput(input);
        fast.setLabels(oneHot(classes));
        fast.setLayerMaskArrays(mask, null);
        fast.computeGradientAndScore();
        var fastGrads = fast.gradient().gradientForVariable();

        INDArray summedGradient = Nd4j.zeros(DataType.DOUBLE, reference.numParams());
        for (int i = 0; i < batch; i++) {
            INDArray cut = input.get(interval(i, i + 1), all(), interval(0, lengths[i])).dup();
            assertClose("output of sequence " + i, fastOut.get(interval(i, i + 1), all()), reference.output(cut));
            reference.setInput(cut);
            reference.setLabels(oneHot(new int[] {classes[i]}));
            reference.computeGradientAndScore();
            summedGradient.addi(reference.getGradientsViewArray().reshape(-1));
        }
        reference.getGradientsViewArray().assign(summedGradient.reshape(reference.getGradientsViewArray().shape()));
        var referenceGrads = reference.gradient().gradientForVariable();
        assertGradientsEqual(fastGrads, referenceGrads);
    }

    @Test
    void singleStepSequencesMatchToo() {
        compareWithDl4j(3, 1);
    }

    @Test
    void finiteDifferencesAgreeWithBackprop() {
        MultiLayerNetwork net = network(true, DataType.DOUBLE, 1);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 3, N_IN, 4).subi(0.5);
        INDArray labels = oneHot(new int[] {0, 1, 1});
        INDArray mask = Nd4j.ones(DataType.DOUBLE, 3, 4);
        mask.putScalar(2, 3, 0);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(input)
                .labels(labels).inputMask(mask).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));
        assertThat(ok).as("finite-difference gradient check").isTrue();
    }

    @Test
    void saveAndLoadGiveIdenticalOutputs(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = network(true, DataType.DOUBLE, 2);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 3, N_IN, 5);
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertThat(restored.getLayerWiseConfigurations().getConf(0).getLayer())
                .isInstanceOf(FastBidirectionalLstm.class);
        assertThat(restored.params()).isEqualTo(net.params());
        assertThat(restored.output(input)).isEqualTo(net.output(input));
    }

    @Test
    void aFirstLayerWithoutInputGradientTrainsExactlyTheSame(@TempDir Path dir) throws Exception {
        MultiLayerNetwork full = network(true, DataType.DOUBLE, 2);
        MultiLayerConfiguration conf = full.getLayerWiseConfigurations().clone();
        ((FastBidirectionalLstm) conf.getConf(0).getLayer()).setInputGradient(false);
        MultiLayerNetwork skipping = new MultiLayerNetwork(conf);
        skipping.init(full.params().dup(), false);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 4, N_IN, 5).subi(0.5);
        INDArray labels = oneHot(new int[] {0, 1, 1, 0});
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {full, skipping}) {
            net.setInput(input);
            net.setLabels(labels);
            net.computeGradientAndScore();
        }
        assertThat(skipping.gradient().gradient()).isEqualTo(full.gradient().gradient());
        assertThat(skipping.score()).isEqualTo(full.score());

        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(skipping, file, false);
        FastBidirectionalLstm restored = (FastBidirectionalLstm) ModelSerializer.restoreMultiLayerNetwork(file, false)
                .getLayerWiseConfigurations().getConf(0).getLayer();
        assertThat(restored.isInputGradient()).isFalse();
    }

    @Test
    void forgetGateBiasStartsAtOneAndOtherBiasesAtZero() {
        MultiLayerNetwork net = network(true, DataType.DOUBLE, 1);
        INDArray bias = net.getLayer(0).getParam(FastBidirectionalLstmParamInitializer.BIAS_KEY);
        for (int d = 0; d < 2; d++) {
            for (int gate = 0; gate < 4; gate++) {
                INDArray block = bias.get(all(), interval((4L * d + gate) * UNITS, (4L * d + gate + 1) * UNITS));
                assertThat(block.meanNumber().doubleValue()).isEqualTo(gate == 1 ? 1.0 : 0.0);
            }
        }
        assertThat(net.getLayer(0).numParams()).isEqualTo(8L * UNITS * (N_IN + UNITS + 1));
    }

    @Test
    void learnsASeparableTwoClassProblemInFloat() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        MultiLayerNetwork net = network(true, DataType.FLOAT, 1);
        int n = 32;
        INDArray input = Nd4j.randn(DataType.FLOAT, n, N_IN, 6).muli(0.3);
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = i % 2;
            input.get(interval(i, i + 1), all(), all()).addi(classes[i] == 0 ? -1.0 : 1.0);
        }
        DataSet data = new DataSet(input, oneHot(classes));
        double before = net.score(data);
        for (int i = 0; i < 40; i++) {
            net.fit(data);
        }
        double after = net.score(data);
        assertThat(after).isLessThan(before * 0.2);
        assertThat(net.evaluate(new org.deeplearning4j.datasets.iterator.utilty.SingletonDataSetIterator(data))
                .accuracy()).isEqualTo(1.0);
    }

    private void compareWithDl4j(int batch, int steps) {
        MultiLayerNetwork fast = network(true, DataType.DOUBLE, 2);
        MultiLayerNetwork reference = network(false, DataType.DOUBLE, 2);
        copyParameters(reference, fast);
        INDArray input = Nd4j.rand(DataType.DOUBLE, batch, N_IN, steps).subi(0.5).muli(2);
        int[] classes = new int[batch];
        for (int i = 0; i < batch; i++) {
            classes[i] = i % CLASSES;
        }
        INDArray labels = oneHot(classes);
        assertClose("network output", fast.output(input), reference.output(input));
        assertClose("second BiLSTM layer activations", fast.feedForward(input, false).get(2),
                reference.feedForward(input, false).get(2));

        fast.setInput(input);
        fast.setLabels(labels);
        fast.computeGradientAndScore();
        reference.setInput(input);
        reference.setLabels(labels);
        reference.computeGradientAndScore();
        assertThat(fast.score()).isCloseTo(reference.score(), org.assertj.core.data.Offset.offset(1e-12));
        assertGradientsEqual(fast.gradient().gradientForVariable(), reference.gradient().gradientForVariable());
    }

    private static void assertGradientsEqual(java.util.Map<String, INDArray> fastGrads,
            java.util.Map<String, INDArray> referenceGrads) {
        for (int layer = 0; layer < 2; layer++) {
            for (int d = 0; d < 2; d++) {
                String prefix = layer + "_" + (d == 0 ? "f" : "b");
                assertClose(prefix + "W", directionBlock(fastGrads.get(layer + "_W"), d),
                        referenceGrads.get(prefix + "W"));
                assertClose(prefix + "RW", directionBlock(fastGrads.get(layer + "_RW"), d),
                        referenceGrads.get(prefix + "RW"));
                assertClose(prefix + "b", directionBlock(fastGrads.get(layer + "_b"), d).reshape(-1),
                        referenceGrads.get(prefix + "b").reshape(-1));
            }
        }
        assertClose("dense layer W", fastGrads.get("3_W"), referenceGrads.get("3_W"));
        assertClose("output layer W", fastGrads.get("4_W"), referenceGrads.get("4_W"));
    }

    private static INDArray directionBlock(INDArray both, int direction) {
        long width = both.size(1) / 2;
        return both.get(all(), interval(direction * width, (direction + 1) * width));
    }

    private static void copyParameters(MultiLayerNetwork reference, MultiLayerNetwork fast) {
        for (int layer = 0; layer < 2; layer++) {
            var target = fast.getLayer(layer);
            var source = reference.getLayer(layer);
            for (String key : new String[] {"W", "RW", "b"}) {
                INDArray both = target.getParam(key);
                directionBlock(both, 0).assign(source.getParam("f" + key));
                directionBlock(both, 1).assign(source.getParam("b" + key));
            }
        }
        for (int layer = 3; layer < 5; layer++) {
            fast.getLayer(layer).getParam("W").assign(reference.getLayer(layer).getParam("W"));
            fast.getLayer(layer).getParam("b").assign(reference.getLayer(layer).getParam("b"));
        }
    }

    private static void assertClose(String what, INDArray actual, INDArray expected) {
        assertThat(actual.shape()).as(what + " shape").isEqualTo(expected.shape());
        double scale = Math.max(expected.norm2Number().doubleValue(), 1e-12);
        double relativeError = actual.sub(expected).norm2Number().doubleValue() / scale;
        double maxAbs = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(relativeError).as(what + " relative error").isLessThan(1e-6);
        assertThat(maxAbs).as(what + " max abs difference").isLessThan(1e-9 + 1e-6 * scale);
    }

    private static INDArray oneHot(int[] classes) {
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, classes.length, CLASSES);
        for (int i = 0; i < classes.length; i++) {
            labels.putScalar(i, classes[i], 1.0);
        }
        return labels;
    }

    /** BiLSTM x layers, mean pooling over (masked) time, softmax output. */
    static MultiLayerNetwork network(boolean fast, DataType type, int recurrentLayers) {
        var list = new NeuralNetConfiguration.Builder().seed(7).dataType(type).updater(
                fast && type == DataType.FLOAT ? new Adam(0.02) : new NoOp())
                .weightInit(WeightInit.XAVIER).list();
        int nIn = N_IN;
        for (int i = 0; i < recurrentLayers; i++) {
            list.layer(recurrentLayer(fast, nIn));
            nIn = 2 * UNITS;
        }
        list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        if (recurrentLayers == 2) {
            list.layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nOut(4)
                    .activation(Activation.RELU).build());
        }
        MultiLayerConfiguration conf = list
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(CLASSES).build())
                .setInputType(InputType.recurrent(N_IN)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static Layer recurrentLayer(boolean fast, int nIn) {
        if (fast) {
            return new FastBidirectionalLstm.Builder().nIn(nIn).nOut(UNITS).build();
        }
        return new Bidirectional(Bidirectional.Mode.CONCAT, new LSTM.Builder().nIn(nIn).nOut(UNITS)
                .activation(Activation.TANH).build());
    }
}

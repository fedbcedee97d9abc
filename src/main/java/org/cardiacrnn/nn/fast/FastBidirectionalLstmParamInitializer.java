package org.cardiacrnn.nn.fast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of {@link FastBidirectionalLstm}, in this order in the flattened parameter vector:
 * <ul>
 *   <li>{@code W}: input weights {@code [nIn, 8 nOut]} ('f' order), forward direction in columns
 *       {@code [0, 4 nOut)} and backward direction in {@code [4 nOut, 8 nOut)};</li>
 *   <li>{@code RW}: recurrent weights {@code [nOut, 8 nOut]} ('f' order), same column split;</li>
 *   <li>{@code b}: biases {@code [1, 8 nOut]}.</li>
 * </ul>
 * Within each direction the four gate blocks of {@code nOut} columns follow DL4J's LSTM: cell input
 * (tanh), forget, output, input gate. Each direction's block therefore equals DL4J's LSTM parameters
 * {@code W [nIn, 4 nOut]}, {@code RW [nOut, 4 nOut]}, {@code b [1, 4 nOut]}; in 'f' order each direction's
 * block is one contiguous run, which the matrix products use in place.
 */
public final class FastBidirectionalLstmParamInitializer implements ParamInitializer {

    /** Input weights of both directions. */
    public static final String INPUT_WEIGHT_KEY = "W";
    /** Recurrent weights of both directions. */
    public static final String RECURRENT_WEIGHT_KEY = "RW";
    /** Biases of both directions. */
    public static final String BIAS_KEY = "b";

    static final FastBidirectionalLstmParamInitializer INSTANCE = new FastBidirectionalLstmParamInitializer();

    private static final List<String> KEYS = List.of(INPUT_WEIGHT_KEY, RECURRENT_WEIGHT_KEY, BIAS_KEY);

    private FastBidirectionalLstmParamInitializer() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        FastBidirectionalLstm conf = (FastBidirectionalLstm) layer;
        long units = conf.getNOut();
        return 8 * units * (conf.getNIn() + units + 1);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(INPUT_WEIGHT_KEY, RECURRENT_WEIGHT_KEY);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(BIAS_KEY);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return INPUT_WEIGHT_KEY.equals(key) || RECURRENT_WEIGHT_KEY.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEY.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
        FastBidirectionalLstm layer = (FastBidirectionalLstm) conf.getLayer();
        long nIn = layer.getNIn();
        long units = layer.getNOut();
        Map<String, INDArray> views = split(paramsView, nIn, units);
        if (initialize) {
            INDArray vector = paramsView.reshape(paramsView.length());
            IWeightInit inputInit = layer.getWeightInitFn();
            IWeightInit recurrentInit = layer.getWeightInitFnRecurrent() != null
                    ? layer.getWeightInitFnRecurrent() : inputInit;
            long inputBlock = nIn * 4 * units;
            long recurrentBlock = units * 4 * units;
            long recurrentStart = 8 * nIn * units;
            for (int direction = 0; direction < 2; direction++) {
                // In 'f' order each direction's [rows, 4 nOut] block is one contiguous run of the vector.
                INDArray inputView = vector.get(
                        NDArrayIndex.interval(direction * inputBlock, (direction + 1) * inputBlock));
                inputInit.init(nIn, 4 * units, new long[] {nIn, 4 * units}, 'f', inputView);
                long start = recurrentStart + direction * recurrentBlock;
                INDArray recurrentView = vector.get(
                        NDArrayIndex.interval(start, start + recurrentBlock));
                recurrentInit.init(units, 4 * units, new long[] {units, 4 * units}, 'f', recurrentView);
            }
            INDArray bias = views.get(BIAS_KEY);
            bias.assign(layer.getBiasInit());
            for (int direction = 0; direction < 2; direction++) {
                long forgetStart = direction * 4 * units + units;
                bias.get(NDArrayIndex.all(), NDArrayIndex.interval(forgetStart, forgetStart + units))
                        .assign(layer.getForgetGateBiasInit());
            }
        }
        return views;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        FastBidirectionalLstm layer = (FastBidirectionalLstm) conf.getLayer();
        return split(gradientView, layer.getNIn(), layer.getNOut());
    }

    private static Map<String, INDArray> split(INDArray flat, long nIn, long units) {
        INDArray vector = flat.reshape(flat.length());
        long inputEnd = 8 * nIn * units;
        long recurrentEnd = inputEnd + 8 * units * units;
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(INPUT_WEIGHT_KEY, vector.get(NDArrayIndex.interval(0, inputEnd)).reshape('f', nIn, 8 * units));
        views.put(RECURRENT_WEIGHT_KEY,
                vector.get(NDArrayIndex.interval(inputEnd, recurrentEnd)).reshape('f', units, 8 * units));
        views.put(BIAS_KEY, vector.get(NDArrayIndex.interval(recurrentEnd, recurrentEnd + 8 * units))
                .reshape(1, 8 * units));
        return views;
    }
}

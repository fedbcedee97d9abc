package org.cardiacrnn.nn.fast;

import static org.cardiacrnn.nn.fast.FastBidirectionalLstmParamInitializer.BIAS_KEY;
import static org.cardiacrnn.nn.fast.FastBidirectionalLstmParamInitializer.INPUT_WEIGHT_KEY;
import static org.cardiacrnn.nn.fast.FastBidirectionalLstmParamInitializer.RECURRENT_WEIGHT_KEY;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J layer behind {@link FastBidirectionalLstm}: input [batch, nIn, time], output
 * [batch, 2 nOut, time] with the forward direction's units first. The output is a permuted view of a
 * time-major array, which every DL4J layer accepts.
 */
public class FastBidirectionalLstmLayer extends BaseLayer<FastBidirectionalLstm> {

    private final transient BiLstmKernel kernel = new BiLstmKernel(PairRunner.forThisMachine());
    private transient INDArray forwardInputWeights;
    private transient INDArray forwardRecurrentWeights;
    private transient boolean kernelDropout;
    private transient boolean parameterGradients = true;

    public FastBidirectionalLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (input.rank() != 3 || input.size(1) != layerConf().getNIn()) {
            throw new IllegalArgumentException("FastBidirectionalLstm (layer " + index + ") expects input "
                    + "[batch, " + layerConf().getNIn() + ", time]; got shape "
                    + java.util.Arrays.toString(input.shape()));
        }
        double keep = training ? kernelDropoutKeep() : 1.0;
        kernelDropout = keep < 1.0;
        if (!kernelDropout) {
            applyDropOutIfNecessary(training, workspaceMgr);
        }
        int units = (int) layerConf().getNOut();
        forwardInputWeights = getParamWithNoise(INPUT_WEIGHT_KEY, training, workspaceMgr);
        forwardRecurrentWeights = getParamWithNoise(RECURRENT_WEIGHT_KEY, training, workspaceMgr);
        // The seed comes from ND4J's generator, which the trainer seeds per epoch, so runs repeat exactly.
        long seed = kernelDropout ? Nd4j.getRandom().nextLong() : 0;
        BiLstmBuffers buffers = kernel.forward(input.castTo(dataType), maskArray, forwardInputWeights,
                forwardRecurrentWeights, getParamWithNoise(BIAS_KEY, training, workspaceMgr), units, keep, seed);
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                buffers.steps, buffers.batch, 2L * units);
        output.assign(buffers.hiddenRows.reshape(buffers.steps, buffers.batch, 2L * units));
        return output.permute(1, 2, 0);
    }

    /**
     * The keep probability when the layer's dropout is DL4J's plain {@link Dropout} with a fixed probability,
     * which the kernel applies itself in one pass (see {@link BiLstmBuffers#dropout}); 1 otherwise, when
     * DL4J's own dropout code runs (schedules, Gaussian or alpha dropout, spatial dropout).
     */
    private double kernelDropoutKeep() {
        IDropout dropout = layerConf().getIDropout();
        if (dropout != null && dropout.getClass() == Dropout.class && ((Dropout) dropout).getPSchedule() == null) {
            return ((Dropout) dropout).getP();
        }
        return 1.0;
    }

    /**
     * DL4J divides the gradient by the mini-batch size after backpropagation and clips afterwards; clipping
     * the summed gradient at the threshold times the batch size first gives the same result.
     */
    private void clipGradient(int batch) {
        double clip = layerConf().getElementWiseGradientClip();
        if (clip > 0) {
            double limit = clip * (conf().isMiniBatch() ? batch : 1);
            Nd4j.exec(new ScalarMin(gradientsFlattened, null, gradientsFlattened, limit));
            Nd4j.exec(new ScalarMax(gradientsFlattened, null, gradientsFlattened, -limit));
        }
    }

    /**
     * Whether backpropagation computes the gradients of the weights (default true). Attribution switches it
     * off on its own copy of a network: it needs only the gradient with respect to the input.
     */
    public void setParameterGradients(boolean parameterGradients) {
        this.parameterGradients = parameterGradients;
    }

    /**
     * With {@code alphas}, the batch rows of the following passes are straight paths ({@link StraightPaths}): blocks
     * of {@code alphas.length} rows from a baseline (alpha 0) to an input (alpha 1), each row on the line at its
     * alpha, and the input gradient has one row per block, the sum over its inner rows. Null: independent rows
     * again. Attribution only, with the batch built so; the rows between the ends are not read.
     */
    public void setStraightPaths(double[] alphas) {
        kernel.setStraightPaths(alphas == null ? null : new StraightPaths(alphas));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        BiLstmBuffers buffers = kernel.buffers();
        if (buffers == null || forwardInputWeights == null) {
            throw new IllegalStateException("FastBidirectionalLstm: backpropGradient called before activate");
        }
        boolean wantInputGrad = layerConf().isInputGradient();
        int gradBatch = kernel.inputGradBatch();
        INDArray inputGrad = wantInputGrad ? workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                (long) buffers.steps * gradBatch, layerConf().getNIn()) : null;
        Gradient gradient;
        if (parameterGradients) {
            kernel.backward(epsilon.castTo(dataType), forwardInputWeights, forwardRecurrentWeights,
                    gradientViews.get(INPUT_WEIGHT_KEY), gradientViews.get(RECURRENT_WEIGHT_KEY),
                    gradientViews.get(BIAS_KEY), inputGrad);
            clipGradient(buffers.batch);
            gradient = new DefaultGradient(gradientsFlattened);
            gradient.gradientForVariable().put(INPUT_WEIGHT_KEY, gradientViews.get(INPUT_WEIGHT_KEY));
            gradient.gradientForVariable().put(RECURRENT_WEIGHT_KEY, gradientViews.get(RECURRENT_WEIGHT_KEY));
            gradient.gradientForVariable().put(BIAS_KEY, gradientViews.get(BIAS_KEY));
        } else {
            kernel.backward(epsilon.castTo(dataType), forwardInputWeights, forwardRecurrentWeights, null, null, null,
                    inputGrad);
            gradient = new DefaultGradient();
        }
        weightNoiseParams.clear();
        if (!wantInputGrad) {
            return new Pair<>(gradient, null);
        }
        INDArray epsilonOut = inputGrad.reshape(buffers.steps, gradBatch, layerConf().getNIn()).permute(1, 2, 0);
        return new Pair<>(gradient, kernelDropout ? epsilonOut : backpropDropOutIfPresent(epsilonOut));
    }
}

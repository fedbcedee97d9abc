package org.cardiacrnn.nn.fast;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a bidirectional LSTM layer that computes the same function as DL4J's
 * {@code Bidirectional(CONCAT, LSTM)} (tanh cell activation, sigmoid gates, no peepholes) but spends its time
 * the way fast LSTM kernels do: one matrix product per direction for the input projection of every time
 * step, and only the small recurrent product inside the time loop; the two directions run on two cores.
 *
 * <p>{@code nIn} is the number of input features, {@code nOut} the number of units per direction; the
 * output has {@code 2 * nOut} features (forward units first, then backward units), in the recurrent layout
 * {@code [batch, features, time]} (NCW only). Add it to a list builder like any other layer:
 * {@code .layer(new FastBidirectionalLstm.Builder().nIn(2000).nOut(256).dropOut(0.5).build())}.
 *
 * <p>Dropout set on this layer is applied to its input once and the same dropped input feeds both
 * directions ({@code Bidirectional(LSTM)} draws one mask per direction). A feature mask (0/1 per example and
 * step) zeroes the state at masked steps, so the backward direction of a right-padded sequence starts at
 * its last real step; DL4J 1.0.0-M2.1's {@code Bidirectional(LSTM)} instead lets the backward direction
 * read the padding. Truncated BPTT and {@code rnnTimeStep} are not supported: a bidirectional layer needs
 * the whole sequence.
 */
public class FastBidirectionalLstm extends BaseRecurrentLayer {

    private double forgetGateBiasInit = 1.0;
    private boolean inputGradient = true;
    private double elementWiseGradientClip;

    /** For JSON deserialisation (ModelSerializer); use the {@link Builder} in code. */
    public FastBidirectionalLstm() {
        super();
    }

    private FastBidirectionalLstm(Builder builder) {
        super(builder);
        this.forgetGateBiasInit = builder.forgetGateBiasInit;
        this.inputGradient = builder.inputGradient;
        this.elementWiseGradientClip = builder.elementWiseGradientClip;
        if (rnnDataFormat != null && rnnDataFormat != RNNFormat.NCW) {
            throw new IllegalArgumentException("FastBidirectionalLstm supports only the NCW layout "
                    + "[batch, features, time]; got " + rnnDataFormat);
        }
        initializeConstraints(builder);
    }

    /** Initial bias of the forget gates of both directions (DL4J's LSTM default: 1.0). */
    public double getForgetGateBiasInit() {
        return forgetGateBiasInit;
    }

    public void setForgetGateBiasInit(double forgetGateBiasInit) {
        this.forgetGateBiasInit = forgetGateBiasInit;
    }

    /** Whether backpropagation computes the gradient with respect to the layer's input (see the builder). */
    public boolean isInputGradient() {
        return inputGradient;
    }

    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    /** The layer's own element-wise gradient clip (0: none; see the builder). */
    public double getElementWiseGradientClip() {
        return elementWiseGradientClip;
    }

    public void setElementWiseGradientClip(double elementWiseGradientClip) {
        this.elementWiseGradientClip = elementWiseGradientClip;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        FastBidirectionalLstmLayer layer = new FastBidirectionalLstmLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return FastBidirectionalLstmParamInitializer.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent recurrent)) {
            throw new IllegalStateException("FastBidirectionalLstm (layer " + layerIndex + ", name \"" + getLayerName()
                    + "\") needs recurrent input [batch, features, time]; got " + inputType);
        }
        return InputType.recurrent(2 * nOut, recurrent.getTimeSeriesLength(), RNNFormat.NCW);
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long params = initializer().numParams(this);
        long steps = Math.max(1, ((InputType.InputTypeRecurrent) inputType).getTimeSeriesLength());
        // Per example and step the layer keeps: an input copy, gates, gate derivatives, gate gradients
        // (3 x 8 nOut), cell, tanh(cell), output, output gradient and the cell-gradient factor (5 x 2 nOut).
        long perExample = steps * (nIn + 3 * 8 * nOut + 5 * 2 * nOut);
        return new LayerMemoryReport.Builder(layerName, FastBidirectionalLstm.class, inputType,
                getOutputType(-1, inputType))
                .standardMemory(params, params)
                .workingMemory(0, perExample, MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    /** Builder; {@code nIn}, {@code nOut}, dropout, weight init and updater come from DL4J's builders. */
    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {

        private double forgetGateBiasInit = 1.0;
        private boolean inputGradient = true;
        private double elementWiseGradientClip;

        /** Initial forget-gate bias (default 1.0, as DL4J's LSTM). */
        public Builder forgetGateBiasInit(double value) {
            this.forgetGateBiasInit = value;
            return this;
        }

        /**
         * Whether backpropagation computes the gradient with respect to the layer's input (default true).
         * Only the first layer of a network may switch it off: training discards that gradient (DL4J drops the
         * first layer's input gradient unless asked for it, e.g. for input saliency), and with 2,000 genes it is
         * a sixth of a training step's arithmetic. The layer then returns no input gradient at all.
         */
        public Builder inputGradient(boolean value) {
            this.inputGradient = value;
            return this;
        }

        /**
         * Clips every element of this layer's (per-example mean) gradient to [-value, value] (0: no clipping):
         * the same result as DL4J's {@code ClipElementWiseAbsoluteValue} gradient normalization, with two fast
         * element-wise ops in place of DL4J's {@code clipbyvalue} op, which took longer per step than the
         * whole Adam update on the methodology's 7.8 M parameters. Set this layer's DL4J gradient
         * normalization to {@code None} with it, or the gradient is clipped twice.
         *
         * <p>The workbench's networks built before the {@link FusedAdamUpdater} used this; they now use DL4J's
         * normalization, which the fused optimiser step applies at no extra cost, and this remains so that
         * those saved networks resume training exactly as before.
         */
        public Builder elementWiseGradientClip(double value) {
            if (value < 0) {
                throw new IllegalArgumentException("gradient clip must be 0 (none) or positive; got " + value);
            }
            this.elementWiseGradientClip = value;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public FastBidirectionalLstm build() {
            return new FastBidirectionalLstm(this);
        }
    }
}

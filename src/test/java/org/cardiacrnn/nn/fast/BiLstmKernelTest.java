package org.cardiacrnn.nn.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BiLstmKernelTest {

    private static final int N_IN = 7;
    private static final int UNITS = 4;

    @Test
    void directionsOnTwoThreadsGiveExactlyWhatOneThreadGives() {
        Nd4j.getRandom().setSeed(3);
        INDArray input = Nd4j.rand(DataType.FLOAT, 5, N_IN, 6).subi(0.5f);
        INDArray mask = Nd4j.ones(DataType.FLOAT, 5, 6);
        mask.putScalar(1, 5, 0);
        mask.putScalar(1, 4, 0);
        INDArray weights = Nd4j.rand(DataType.FLOAT, 'f', N_IN, 8 * UNITS).subi(0.5f);
        INDArray recurrent = Nd4j.rand(DataType.FLOAT, 'f', UNITS, 8 * UNITS).subi(0.5f);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 1, 8 * UNITS);
        INDArray outputGrad = Nd4j.rand(DataType.FLOAT, 5, 2 * UNITS, 6);
        INDArray[] sequential = run(new PairRunner(false), input, mask, weights, recurrent, bias, outputGrad);
        INDArray[] parallel = run(new PairRunner(true), input, mask, weights, recurrent, bias, outputGrad);
        for (int i = 0; i < sequential.length; i++) {
            assertThat(parallel[i]).isEqualTo(sequential[i]);
        }
        assertThat(sequential[1].norm2Number().doubleValue()).isPositive();
    }

    @Test
    void buffersKeptPerShapeGiveFreshResultsWhenShapesAlternate() {
        Nd4j.getRandom().setSeed(5);
        INDArray weights = Nd4j.rand(DataType.FLOAT, 'f', N_IN, 8 * UNITS).subi(0.5f);
        INDArray recurrent = Nd4j.rand(DataType.FLOAT, 'f', UNITS, 8 * UNITS).subi(0.5f);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 1, 8 * UNITS);
        INDArray input = Nd4j.rand(DataType.FLOAT, 5, N_IN, 6).subi(0.5f);
        INDArray outputGrad = Nd4j.rand(DataType.FLOAT, 5, 2 * UNITS, 6);
        INDArray[] fresh = run(new BiLstmKernel(new PairRunner(false)), input, null, weights, recurrent, bias,
                outputGrad);

        BiLstmKernel reused = new BiLstmKernel(new PairRunner(false));
        run(reused, input, null, weights, recurrent, bias, outputGrad);
        // Four other shapes, forward only and with backward, evict the first shape's buffers.
        for (int batch = 1; batch <= 4; batch++) {
            INDArray other = Nd4j.rand(DataType.FLOAT, batch, N_IN, 6);
            reused.forward(other, null, weights, recurrent, bias, UNITS);
            if (batch % 2 == 0) {
                run(reused, other, null, weights, recurrent, bias, Nd4j.rand(DataType.FLOAT, batch, 2 * UNITS, 6));
            }
        }
        INDArray[] again = run(reused, input, null, weights, recurrent, bias, outputGrad);
        for (int i = 0; i < fresh.length; i++) {
            assertThat(again[i]).isEqualTo(fresh[i]);
        }
    }

    @Test
    void skippingTheInputGradientLeavesTheParameterGradientsUnchanged() {
        Nd4j.getRandom().setSeed(9);
        INDArray input = Nd4j.rand(DataType.FLOAT, 5, N_IN, 6).subi(0.5f);
        INDArray weights = Nd4j.rand(DataType.FLOAT, 'f', N_IN, 8 * UNITS).subi(0.5f);
        INDArray recurrent = Nd4j.rand(DataType.FLOAT, 'f', UNITS, 8 * UNITS).subi(0.5f);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 1, 8 * UNITS);
        INDArray outputGrad = Nd4j.rand(DataType.FLOAT, 5, 2 * UNITS, 6);
        INDArray[] full = run(new BiLstmKernel(new PairRunner(true)), input, null, weights, recurrent, bias,
                outputGrad);

        BiLstmKernel kernel = new BiLstmKernel(new PairRunner(true));
        kernel.forward(input, null, weights, recurrent, bias, UNITS);
        INDArray weightGrad = Nd4j.create(DataType.FLOAT, new long[] {N_IN, 8 * UNITS}, 'f');
        INDArray recurrentGrad = Nd4j.create(DataType.FLOAT, new long[] {UNITS, 8 * UNITS}, 'f');
        INDArray biasGrad = Nd4j.create(DataType.FLOAT, 1, 8 * UNITS);
        kernel.backward(outputGrad, weights, recurrent, weightGrad, recurrentGrad, biasGrad, null);

        assertThat(weightGrad).isEqualTo(full[1]);
        assertThat(recurrentGrad).isEqualTo(full[2]);
        assertThat(biasGrad).isEqualTo(full[3]);
        assertThat(full[4].norm2Number().doubleValue()).isPositive();
    }

    @Test
    void dropoutIsTheSameNetworkOnTheMaskedInputAndItsGradientGoesThroughTheSameMask() {
        Nd4j.getRandom().setSeed(11);
        int batch = 6;
        int steps = 5;
        INDArray input = Nd4j.rand(DataType.FLOAT, batch, N_IN, steps).subi(0.5f);
        INDArray weights = Nd4j.rand(DataType.FLOAT, 'f', N_IN, 8 * UNITS).subi(0.5f);
        INDArray recurrent = Nd4j.rand(DataType.FLOAT, 'f', UNITS, 8 * UNITS).subi(0.5f);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 1, 8 * UNITS);
        INDArray outputGrad = Nd4j.rand(DataType.FLOAT, batch, 2 * UNITS, steps);
        double keep = 0.6;

        BiLstmKernel dropped = new BiLstmKernel(new PairRunner(true));
        INDArray hidden = dropped.forward(input, null, weights, recurrent, bias, UNITS, keep, 42).hiddenRows.dup();
        INDArray multipliers = dropped.buffers().dropoutMask().dup();
        INDArray inputGrad = Nd4j.create(DataType.FLOAT, (long) steps * batch, N_IN);
        dropped.backward(outputGrad, weights, recurrent, Nd4j.create(DataType.FLOAT, new long[] {N_IN, 8 * UNITS}, 'f'),
                Nd4j.create(DataType.FLOAT, new long[] {UNITS, 8 * UNITS}, 'f'),
                Nd4j.create(DataType.FLOAT, 1, 8 * UNITS), inputGrad);

        double scale = 1 / keep;
        long kept = 0;
        for (float value : multipliers.data().asFloat()) {
            assertThat((double) value).satisfiesAnyOf(v -> assertThat(v).isZero(),
                    v -> assertThat(v).isCloseTo(scale, org.assertj.core.data.Offset.offset(1e-6)));
            kept += value > 0 ? 1 : 0;
        }
        double share = kept / (double) multipliers.length();
        double sd = Math.sqrt(keep * (1 - keep) / multipliers.length());
        assertThat(share).isBetween(keep - 4 * sd, keep + 4 * sd);

        INDArray maskedInput = input.mul(multipliers.reshape(steps, batch, N_IN).permute(1, 2, 0));
        INDArray[] reference = run(new BiLstmKernel(new PairRunner(true)), maskedInput, null, weights, recurrent, bias,
                outputGrad);
        assertThat(maxDifference(hidden, reference[0])).isLessThan(1e-5);
        assertThat(maxDifference(inputGrad, reference[4].mul(multipliers))).isLessThan(1e-5);

        BiLstmKernel again = new BiLstmKernel(new PairRunner(true));
        again.forward(input, null, weights, recurrent, bias, UNITS, keep, 42);
        assertThat(again.buffers().dropoutMask()).isEqualTo(multipliers);
        again.forward(input, null, weights, recurrent, bias, UNITS, keep, 43);
        assertThat(again.buffers().dropoutMask()).isNotEqualTo(multipliers);
    }

    @Test
    void theFloatKernelAgreesWithTheDoublePrecisionKernel() {
        // The double kernel is checked against DL4J's LSTM (FastBidirectionalLstmTest); the float one runs its
        // step on heap arrays with approximated tanh and sigmoid, and must agree to float precision.
        Nd4j.getRandom().setSeed(5);
        int batch = 5;
        int steps = 6;
        INDArray input = Nd4j.rand(DataType.DOUBLE, batch, N_IN, steps).subi(0.5).muli(3);
        INDArray mask = Nd4j.ones(DataType.DOUBLE, batch, steps);
        mask.putScalar(2, 5, 0);
        mask.putScalar(2, 4, 0);
        INDArray weights = Nd4j.rand(DataType.DOUBLE, 'f', N_IN, 8 * UNITS).subi(0.5);
        INDArray recurrent = Nd4j.rand(DataType.DOUBLE, 'f', UNITS, 8 * UNITS).subi(0.5);
        INDArray bias = Nd4j.rand(DataType.DOUBLE, 1, 8 * UNITS);
        INDArray outputGrad = Nd4j.rand(DataType.DOUBLE, batch, 2 * UNITS, steps);
        INDArray stackedGrad = Nd4j.rand(DataType.DOUBLE, steps, batch, 2 * UNITS);
        // Pooling hands over [B, 2u, T]; a stacked fast layer a view of a [T, B, 2u] array.
        List<Function<DataType, INDArray>> gradients = List.of(type -> outputGrad.castTo(type),
                type -> stackedGrad.castTo(type).permute(1, 2, 0));
        for (Function<DataType, INDArray> gradient : gradients) {
            for (INDArray stepMask : new INDArray[] {null, mask}) {
                INDArray[] precise = runTyped(DataType.DOUBLE, input, stepMask, weights, recurrent, bias, gradient);
                INDArray[] fast = runTyped(DataType.FLOAT, input, stepMask, weights, recurrent, bias, gradient);
                for (int i = 0; i < precise.length; i++) {
                    double scale = precise[i].amaxNumber().doubleValue();
                    assertThat(maxDifference(fast[i].castTo(DataType.DOUBLE), precise[i])).as("array %d", i)
                            .isLessThan(2e-6 * Math.max(1, scale));
                }
            }
        }
    }

    private static INDArray[] runTyped(DataType type, INDArray input, INDArray mask, INDArray weights,
            INDArray recurrent, INDArray bias, Function<DataType, INDArray> outputGrad) {
        BiLstmKernel kernel = new BiLstmKernel(new PairRunner(true));
        INDArray typedWeights = weights.castTo(type);
        INDArray typedRecurrent = recurrent.castTo(type);
        INDArray hidden = kernel.forward(input.castTo(type), mask == null ? null : mask.castTo(type), typedWeights,
                typedRecurrent, bias.castTo(type), UNITS).hiddenRows.dup();
        INDArray weightGrad = Nd4j.create(type, new long[] {N_IN, 8 * UNITS}, 'f');
        INDArray recurrentGrad = Nd4j.create(type, new long[] {UNITS, 8 * UNITS}, 'f');
        INDArray biasGrad = Nd4j.create(type, 1, 8 * UNITS);
        INDArray inputGrad = Nd4j.create(type, input.size(2) * input.size(0), N_IN);
        kernel.backward(outputGrad.apply(type), typedWeights, typedRecurrent, weightGrad, recurrentGrad, biasGrad,
                inputGrad);
        return new INDArray[] {hidden, weightGrad, recurrentGrad, biasGrad, inputGrad};
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    @Test
    void rejectsTimeMajorLayout() {
        assertThatThrownBy(() -> new FastBidirectionalLstm.Builder().nIn(3).nOut(2).dataFormat(RNNFormat.NWC)
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NCW");
    }

    private static INDArray[] run(PairRunner runner, INDArray input, INDArray mask, INDArray weights,
            INDArray recurrent, INDArray bias, INDArray outputGrad) {
        return run(new BiLstmKernel(runner), input, mask, weights, recurrent, bias, outputGrad);
    }

    private static INDArray[] run(BiLstmKernel kernel, INDArray input, INDArray mask, INDArray weights,
            INDArray recurrent, INDArray bias, INDArray outputGrad) {
        int batch = (int) input.size(0);
        INDArray hidden = kernel.forward(input, mask, weights, recurrent, bias, UNITS).hiddenRows.dup();
        INDArray weightGrad = Nd4j.create(DataType.FLOAT, new long[] {N_IN, 8 * UNITS}, 'f');
        INDArray recurrentGrad = Nd4j.create(DataType.FLOAT, new long[] {UNITS, 8 * UNITS}, 'f');
        INDArray biasGrad = Nd4j.create(DataType.FLOAT, 1, 8 * UNITS);
        INDArray inputGrad = Nd4j.create(DataType.FLOAT, input.size(2) * batch, N_IN);
        kernel.backward(outputGrad, weights, recurrent, weightGrad, recurrentGrad, biasGrad, inputGrad);
        return new INDArray[] {hidden, weightGrad, recurrentGrad, biasGrad, inputGrad};
    }
}

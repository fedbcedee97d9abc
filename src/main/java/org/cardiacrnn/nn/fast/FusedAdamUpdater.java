package org.cardiacrnn.nn.fast;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.api.Trainable;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * DL4J's updater for Adam with L2 and element-wise clipping, done as one pass over the parameters on both
 * cores instead of DL4J's five to seven single-threaded passes (divide by the batch size, clip, L2, the Adam
 * op, and per-layer bookkeeping), which took about a third of a training step of the methodology network, all of
 * it memory traffic. Each element is read once (gradient, parameter, both moments) and written once (moments,
 * update), with the same float arithmetic and order as DL4J: {@code g = clip(g / batch) + l2 * w}, then Adam
 * ({@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2}, update {@code = m * lr_t / (sqrt(v) + eps)}
 * with {@code lr_t = lr sqrt(1 - b2^t) / (1 - b1^t)}). DL4J then subtracts the update from the parameters
 * as usual.
 *
 * <p>The state lives in DL4J's own updater-state array with DL4J's layout (per block, first moments then
 * second moments), so checkpoints, {@code ModelSerializer} and resuming are unaffected. Any configuration
 * this pass does not cover (another optimiser, weight decay, other gradient normalisation, other
 * regularisation, non-float parameters) goes through DL4J's own code unchanged.
 */
public final class FusedAdamUpdater extends MultiLayerUpdater {

    /** A run of parameters of one layer variable, inside one updater block. */
    private record Segment(int from, int to, int firstMoment, int blockLength, boolean divide, double clip,
                           List<Regularization> regularization, Adam adam) {
    }

    /** Elements per chunk of {@link #step}: four arrays of it stay in the first-level cache. */
    private static final int CHUNK = 2048;

    private final transient PairRunner runner = PairRunner.forThisMachine();
    private final transient List<Segment> segments;
    private final transient boolean fusable;
    private long fusedSteps;

    private FusedAdamUpdater(MultiLayerNetwork network, INDArray state) {
        super(network, state);
        List<Segment> plan = new ArrayList<>();
        boolean ok = isMiniBatch() && isContiguousFloat(network.params())
                && isContiguousFloat(getFlattenedGradientsView()) && isContiguousFloat(getStateViewArray());
        for (UpdaterBlock block : getUpdaterBlocks()) {
            if (!ok) {
                break;
            }
            ok = block.getGradientUpdater().getConfig().getClass() == Adam.class
                    && !block.skipDueToPretrainConfig(false);
            Adam adam = ok ? (Adam) block.getGradientUpdater().getConfig() : null;
            int blockLength = block.getParamOffsetEnd() - block.getParamOffsetStart();
            for (UpdaterBlock.ParamState param : block.getLayersAndVariablesInBlock()) {
                Trainable layer = param.getLayer();
                TrainingConfig config = layer.getConfig();
                GradientNormalization normalization = config.getGradientNormalization();
                List<Regularization> regularization = config.getRegularizationByParam(param.getParamName());
                boolean plainNormalization = normalization == null || normalization == GradientNormalization.None
                        || normalization == GradientNormalization.ClipElementWiseAbsoluteValue;
                ok &= plainNormalization && onlyL2(regularization);
                if (!ok) {
                    break;
                }
                double clip = normalization == GradientNormalization.ClipElementWiseAbsoluteValue
                        ? config.getGradientNormalizationThreshold() : Double.POSITIVE_INFINITY;
                int firstMoment = block.getUpdaterViewOffsetStart() + param.getParamOffsetStart()
                        - block.getParamOffsetStart();
                plan.add(new Segment(param.getParamOffsetStart(), param.getParamOffsetEnd(), firstMoment, blockLength,
                        layer.updaterDivideByMinibatch(param.getParamName()), clip,
                        regularization == null ? List.of() : regularization, adam));
            }
        }
        this.fusable = ok && !plan.isEmpty();
        this.segments = List.copyOf(plan);
    }

    /**
     * Gives {@code network} this updater, keeping its current optimiser state. Call it again after
     * {@link MultiLayerNetwork#setLearningRate(double)}, which replaces the updater with DL4J's.
     *
     * @return true when the fused pass applies to this network's configuration (otherwise DL4J's own
     *         arithmetic runs, through this updater)
     */
    public static boolean install(MultiLayerNetwork network) {
        if (network.getUpdater() instanceof FusedAdamUpdater fused) {
            return fused.fusable;
        }
        FusedAdamUpdater fused = new FusedAdamUpdater(network, network.getUpdater().getStateViewArray());
        network.setUpdater(fused);
        return fused.fusable;
    }

    /** How many steps took the fused pass (the others, if any, went through DL4J's arithmetic). */
    public synchronized long fusedSteps() {
        return fusedSteps;
    }

    @Override
    public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize,
                                    LayerWorkspaceMgr workspaceMgr) {
        // DL4J hands over the network's flattened gradient, or another array of the same layout (its
        // "external" case, which updates that array from the network's parameters); both work the same here.
        INDArray gradientArray = gradient.gradient();
        if (!fusable || !isContiguousFloat(gradientArray) || gradientArray.length() != getParams().length()) {
            super.update(gradient, iteration, epoch, batchSize, workspaceMgr);
            return;
        }
        fusedSteps++;
        FloatBuffer params = floats(getParams());
        FloatBuffer grads = floats(gradientArray);
        FloatBuffer state = floats(getStateViewArray());
        int count = segments.size();
        float[] scale = new float[count];
        float[] clip = new float[count];
        float[] l2 = new float[count];
        float[] beta1 = new float[count];
        float[] beta2 = new float[count];
        float[] epsilon = new float[count];
        float[] stepSize = new float[count];
        for (int s = 0; s < count; s++) {
            Segment segment = segments.get(s);
            scale[s] = segment.divide() ? batchSize : 1;
            clip[s] = (float) segment.clip();
            double coefficient = 0;
            for (Regularization r : segment.regularization()) {
                coefficient += ((L2Regularization) r).getL2().valueAt(iteration, epoch);
            }
            l2[s] = (float) coefficient;
            Adam adam = segment.adam();
            beta1[s] = (float) adam.getBeta1();
            beta2[s] = (float) adam.getBeta2();
            epsilon[s] = (float) adam.getEpsilon();
            stepSize[s] = adamStepSize((float) adam.getLearningRate(iteration, epoch), beta1[s], beta2[s], epsilon[s],
                    iteration);
        }
        int total = segments.get(count - 1).to() - segments.get(0).from();
        int middle = segments.get(0).from() + total / 2;
        runner.runBoth(half -> {
            int from = half == 0 ? segments.get(0).from() : middle;
            int to = half == 0 ? middle : segments.get(count - 1).to();
            for (int s = 0; s < count; s++) {
                Segment segment = segments.get(s);
                int start = Math.max(from, segment.from());
                int end = Math.min(to, segment.to());
                if (start < end) {
                    int moment = segment.firstMoment() + start - segment.from();
                    step(grads, start, params, start, state, moment,
                            moment + segment.blockLength(), end - start, scale[s], clip[s], l2[s], beta1[s],
                            beta2[s], epsilon[s], stepSize[s]);
                }
            }
        });
    }

    /** DL4J's (libnd4j's) bias-corrected Adam step size, in float like its kernel, for 0-based {@code iteration}. */
    static float adamStepSize(float learningRate, float beta1, float beta2, float epsilon, int iteration) {
        float beta1Power = (float) Math.pow(beta1, iteration + 1);
        float beta2Power = (float) Math.pow(beta2, iteration + 1);
        float stepSize = learningRate * (float) Math.sqrt(1f - beta2Power) / (1f - beta1Power);
        return Float.isNaN(stepSize) || Float.isInfinite(stepSize) || stepSize == 0 ? epsilon : stepSize;
    }

    /**
     * The arithmetic on heap arrays, a chunk at a time: bulk copies in and out of the native buffers are
     * memory copies, and on arrays the JIT compiles the loop to vector instructions (sqrt and division
     * included), which it does not for element-wise buffer access: 19 -> 11 ms per step for 7.8 M parameters.
     */
    private static void step(FloatBuffer grads, int grad, FloatBuffer params, int param, FloatBuffer state,
                             int firstMoment, int secondMoment, int length, float batch, float clip, float l2,
                             float beta1, float beta2, float epsilon, float stepSize) {
        // Exactly DL4J's division for power-of-two batch sizes; within one rounding step for others.
        float perExample = 1f / batch;
        float keep1 = 1 - beta1;
        float keep2 = 1 - beta2;
        float[] g = new float[CHUNK];
        float[] w = new float[CHUNK];
        float[] m = new float[CHUNK];
        float[] v = new float[CHUNK];
        for (int start = 0; start < length; start += CHUNK) {
            int n = Math.min(CHUNK, length - start);
            grads.get(grad + start, g, 0, n);
            params.get(param + start, w, 0, n);
            state.get(firstMoment + start, m, 0, n);
            state.get(secondMoment + start, v, 0, n);
            for (int i = 0; i < n; i++) {
                float clipped = Math.max(-clip, Math.min(clip, g[i] * perExample)) + l2 * w[i];
                m[i] = beta1 * m[i] + clipped * keep1;
                v[i] = beta2 * v[i] + clipped * clipped * keep2;
                g[i] = m[i] * stepSize / ((float) Math.sqrt(v[i]) + epsilon);
            }
            grads.put(grad + start, g, 0, n);
            state.put(firstMoment + start, m, 0, n);
            state.put(secondMoment + start, v, 0, n);
        }
    }

    private static boolean onlyL2(List<Regularization> regularization) {
        if (regularization == null) {
            return true;
        }
        for (Regularization r : regularization) {
            if (!(r instanceof L2Regularization) || r.applyStep() != Regularization.ApplyStep.BEFORE_UPDATER) {
                return false;
            }
        }
        return true;
    }

    private static boolean isContiguousFloat(INDArray array) {
        return array != null && array.dataType() == DataType.FLOAT && array.elementWiseStride() == 1
                && array.offset() == 0 && array.length() < Integer.MAX_VALUE;
    }

    private static FloatBuffer floats(INDArray array) {
        return array.data().asNioFloat();
    }
}

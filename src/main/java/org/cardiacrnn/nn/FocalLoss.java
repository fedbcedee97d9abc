package org.cardiacrnn.nn;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Multi-class focal loss on softmax outputs: {@code −α (1 − p_y)^γ log p_y} for the true class y, which
 * down-weights sequences the network already classifies confidently (Lin et al. 2017). γ = 0 and α = 1
 * give cross-entropy. The gradient with respect to the softmax input z is
 * {@code g · (p − y)} with {@code g = α [(1 − p_y)^γ − γ (1 − p_y)^(γ−1) p_y log p_y]}.
 */
public final class FocalLoss implements ILossFunction {

    private static final double EPSILON = 1e-7;

    @JsonProperty
    private double alpha;
    @JsonProperty
    private double gamma;

    /** For DL4J's JSON form of saved networks. */
    public FocalLoss() {
        this(1.0, 2.0);
    }

    public FocalLoss(@JsonProperty("alpha") double alpha, @JsonProperty("gamma") double gamma) {
        this.alpha = alpha;
        this.gamma = gamma;
    }

    public double getAlpha() {
        return alpha;
    }

    public double getGamma() {
        return gamma;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray perExample = computeScoreArray(labels, preOutput, activationFn, mask);
        double sum = perExample.sumNumber().doubleValue();
        return average ? sum / perExample.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray p = probabilities(preOutput, activationFn);
        INDArray pTrue = p.mul(labels).sum(true, 1);
        Transforms.max(pTrue, EPSILON, false);
        INDArray weight = Transforms.pow(pTrue.rsub(1.0), gamma, true);
        INDArray score = Transforms.log(pTrue, true).muli(weight).muli(-alpha);
        if (mask != null) {
            score.muli(mask.reshape(score.shape()));
        }
        return score;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray p = probabilities(preOutput, activationFn);
        INDArray pTrue = p.mul(labels).sum(true, 1);
        Transforms.max(pTrue, EPSILON, false);
        INDArray oneMinus = pTrue.rsub(1.0);
        INDArray first = Transforms.pow(oneMinus, gamma, true);
        INDArray factor = first.dup();
        if (gamma != 0) {
            INDArray second = Transforms.pow(Transforms.max(oneMinus, EPSILON, true), gamma - 1, true)
                    .muli(pTrue).muli(Transforms.log(pTrue, true)).muli(gamma);
            factor.subi(second);
        }
        factor.muli(alpha);
        INDArray gradient = p.sub(labels).muliColumnVector(factor);
        if (mask != null) {
            gradient.muliColumnVector(mask.reshape(mask.length(), 1).castTo(gradient.dataType()));
        }
        return gradient;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    /** The closed-form gradient above holds for softmax outputs only. */
    private static INDArray probabilities(INDArray preOutput, IActivation activationFn) {
        if (!(activationFn instanceof ActivationSoftmax)) {
            throw new IllegalStateException("focal loss needs a softmax output layer, got " + activationFn);
        }
        return activationFn.getActivation(preOutput.dup(), true);
    }

    @Override
    public String name() {
        return "FocalLoss(alpha=" + alpha + ", gamma=" + gamma + ")";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FocalLoss focal && focal.alpha == alpha && focal.gamma == gamma;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha) * 31 + Double.hashCode(gamma);
    }
}

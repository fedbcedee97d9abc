package org.cardiacrnn.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's L2 regularisation (the same gradient term, l2 × weight, added before the updater) without its
 * contribution to the network's score. DL4J computes that contribution, the norm of every weight, at every
 * training step only to add it to the reported loss; the workbench never reports it (its losses are the
 * objective alone, comparable between training and validation), and on the methodology's 7.8 M parameters
 * the norm cost about a twentieth of a step.
 */
public class ScorelessL2 extends L2Regularization {

    public ScorelessL2(double l2) {
        this(new FixedSchedule(l2));
    }

    /** For DL4J's JSON configuration format. */
    public ScorelessL2(@JsonProperty("l2") ISchedule l2) {
        super(l2);
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        return 0;
    }

    @Override
    public Regularization clone() {
        return new ScorelessL2(getL2().clone());
    }
}

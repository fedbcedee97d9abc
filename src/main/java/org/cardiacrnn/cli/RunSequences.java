package org.cardiacrnn.cli;

import java.io.PrintWriter;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.interpret.Baseline;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.cardiacrnn.runs.SavedRun;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.NewDataSequences;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.sequences.SequenceDataset;

/**
 * The sequences a command looks at: the run's own test split (its data reloaded as recorded) or new files
 * prepared as the run's training data were.
 *
 * @param labelled whether the labels are real (new files may lack the label column)
 * @param what     how to name them in messages
 */
record RunSequences(SequenceDataset dataset, boolean labelled, String what, PreparedData prepared) {

    static RunSequences of(SavedRun saved, LoadOptions load, PrintWriter err) {
        if (load.matrix == null) {
            ExpressionData data = ExpressionLoader.load(saved.config().data().toRequest());
            PreparedData prepared = DatasetPreparation.prepare(data, saved.config().preparation());
            return new RunSequences(prepared.test(), true, "its test split", prepared);
        }
        NewDataSequences sequences = saved.sequences(ExpressionLoader.load(load.toRequest()));
        sequences.warnings().forEach(warning -> err.println("note: " + warning));
        return new RunSequences(sequences.dataset(), sequences.labelled(), load.matrix.getFileName().toString(),
                null);
    }

    /**
     * A baseline, and why it is not the default one (null when it is, or when it was asked for).
     */
    record ChosenBaseline(Baseline baseline, String fallback) {
    }

    /**
     * The baseline asked for; without one, the time-matched baseline, or the training mean (saying why) where these
     * sequences leave nothing to compare with at the same time.
     *
     * @throws org.cardiacrnn.interpret.InterpretException when the time-matched baseline was asked for and cannot be
     *                                                     made
     */
    ChosenBaseline baseline(Baseline.Kind asked, SavedRun saved, PrintWriter err) {
        if (asked == null) {
            String unavailable = Baseline.timeMatchedUnavailable(dataset, labelled);
            if (unavailable == null) {
                return new ChosenBaseline(Baseline.timeMatched(dataset, labelled), null);
            }
            err.println("note: attributing from the training mean, since " + unavailable);
            return new ChosenBaseline(trainingMean(saved), unavailable);
        }
        return new ChosenBaseline(switch (asked) {
            case TIME_MATCHED -> Baseline.timeMatched(dataset, labelled);
            case TRAINING_MEAN -> trainingMean(saved);
            case BLURRED -> Baseline.blurred();
        }, null);
    }

    /**
     * The training mean after preprocessing: zero for every gene after z-scoring (up to clipping); otherwise
     * measured on the run's training split, reloading its data when new files were given.
     */
    private Baseline trainingMean(SavedRun saved) {
        if (saved.preprocessing().config().scaling() == PreprocessingConfig.Scaling.Z_SCORE) {
            return Baseline.zero(dataset.featureCount());
        }
        PreparedData training = prepared != null ? prepared : DatasetPreparation.prepare(
                ExpressionLoader.load(saved.config().data().toRequest()), saved.config().preparation());
        return Baseline.trainingMean(training.train());
    }
}

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
     * The training mean after preprocessing: zero for every gene after z-scoring (up to clipping); otherwise
     * measured on the run's training split, reloading its data when new files were given.
     */
    Baseline trainingMean(SavedRun saved) {
        if (saved.preprocessing().config().scaling() == PreprocessingConfig.Scaling.Z_SCORE) {
            return Baseline.zero(dataset.featureCount());
        }
        PreparedData training = prepared != null ? prepared : DatasetPreparation.prepare(
                ExpressionLoader.load(saved.config().data().toRequest()), saved.config().preparation());
        return Baseline.trainingMean(training.train());
    }
}

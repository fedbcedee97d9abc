package org.cardiacrnn.app.session;

import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.runs.EpochMetrics;
import org.cardiacrnn.sequences.SequenceDataset;

/**
 * The run the pages show: a run just trained or one reopened from disk. {@code testSet} is the test split
 * the report was computed on (null for a reopened run whose data is not loaded), and lets the Evaluation
 * page show the sequences behind a confusion-matrix cell.
 */
public record RunResult(String runId, String name, Path directory, EvaluationReport report,
                        List<EpochMetrics> epochs, SequenceDataset testSet) {

    public RunResult {
        epochs = List.copyOf(epochs);
    }
}

package org.cardiacrnn.evaluation;

import java.util.List;

/**
 * The network beside static baselines fitted on exactly its training split and scored on its test split: the
 * answer to "does time matter?". {@code summary} states the margin in words.
 */
public record BaselineComparison(double networkAccuracy, List<Baseline> baselines, String summary) {

    /**
     * One baseline's test metrics and the network's accuracy minus the baseline's, with a 95% paired
     * bootstrap interval over test sequences.
     */
    public record Baseline(String name, String description, double accuracy, ConfidenceInterval accuracyInterval,
                           double macroF1, double macroAuc, double margin, ConfidenceInterval marginInterval,
                           String verdict) {
    }

    public BaselineComparison {
        baselines = List.copyOf(baselines);
    }
}

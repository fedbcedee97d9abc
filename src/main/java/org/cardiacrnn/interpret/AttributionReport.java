package org.cardiacrnn.interpret;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.cardiacrnn.sequences.SequenceDataset;

/**
 * Attributions of a whole set of sequences and their per-class summaries.
 *
 * @param sequences one per sequence of the data, in order: for labelled data explaining the true class, for
 *                  unlabelled data the predicted one
 * @param classes   per class, over its correctly classified sequences (unlabelled: those predicted as it)
 */
public record AttributionReport(Attributor.Settings settings, List<String> classNames, List<String> genes,
                                int timeSteps, List<SequenceAttribution> sequences, List<ClassAttribution> classes) {

    public AttributionReport {
        classNames = List.copyOf(classNames);
        genes = List.copyOf(genes);
        sequences = List.copyOf(sequences);
        classes = List.copyOf(classes);
    }

    /**
     * Attributes every sequence of {@code data} and summarises per class.
     *
     * @param labelled whether {@code data}'s labels are real (new data without a label column carry placeholders)
     */
    public static AttributionReport compute(Attributor attributor, SequenceDataset data, boolean labelled,
                                            Attributor.Settings settings, Attributor.Progress progress,
                                            BooleanSupplier cancelled) {
        int n = data.sequenceCount();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int[] targets = labelled ? data.labels() : attributor.predict(data);
        List<SequenceAttribution> attributions = attributor.attribute(data, all, targets, settings, progress,
                cancelled);
        List<ClassAttribution> classes = new ArrayList<>();
        for (int c = 0; c < data.classCount(); c++) {
            List<SequenceAttribution> members = new ArrayList<>();
            for (SequenceAttribution attribution : attributions) {
                if (attribution.targetClass() == c && attribution.predictedClass() == c) {
                    members.add(attribution);
                }
            }
            classes.add(ClassAttribution.of(c, data.classNames().get(c), members, data.featureNames(),
                    data.timeSteps()));
        }
        return new AttributionReport(settings, data.classNames(), data.featureNames(), data.timeSteps(),
                attributions, classes);
    }
}

package org.cardiacrnn.sequences;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sequences of each class in each split, with the warnings the guards raised about them: a split lacking a
 * class the user insisted on, or a split whose class balance differs from the whole by more than
 * {@link #TOLERANCE}.
 *
 * @param splitNames "training", "validation", "test" (validation left out when it is the test split)
 * @param counts     per split, sequences of each class
 */
public record SplitBalance(List<String> classNames, List<String> splitNames, List<int[]> counts,
                           List<String> warnings) {

    /** Largest difference between a class's share of a split and of the whole that passes without a warning. */
    public static final double TOLERANCE = 0.2;

    public SplitBalance {
        classNames = List.copyOf(classNames);
        splitNames = List.copyOf(splitNames);
        counts = counts.stream().map(int[]::clone).toList();
        warnings = List.copyOf(warnings);
    }

    /** True when every split holds every class in about the proportion of the whole. */
    public boolean fine() {
        return warnings.isEmpty();
    }

    /** "class counts: training A 40, B 40; test A 8, B 8". */
    public String plainWords() {
        List<String> parts = new ArrayList<>();
        for (int p = 0; p < splitNames.size(); p++) {
            List<String> perClass = new ArrayList<>();
            for (int c = 0; c < classNames.size(); c++) {
                perClass.add(classNames.get(c) + " " + counts.get(p)[c]);
            }
            parts.add(splitNames.get(p) + " " + String.join(", ", perClass));
        }
        return "class counts: " + String.join("; ", parts);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}

package org.cardiacrnn.sequences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Refuses splits that cannot answer the question, with one line naming the mistake, and measures the class
 * balance of the splits it lets through. With {@link SplitConfig#allowMissingClasses()} the refusals about
 * missing classes become warnings in words instead.
 */
final class SplitGuards {

    /** How far a split's share of whole units may stray from its fraction before the user is told. */
    static final double FRACTION_TOLERANCE = 0.05;

    private SplitGuards() {
    }

    /** The class column must be neither the time nor the group column: the network would read the answer. */
    static void checkRoles(SequenceConfig sequences) {
        String label = sequences.labelColumn();
        if (label == null) {
            return;
        }
        if (label.equals(sequences.timeColumn())) {
            throw new SequenceException("the class column \"" + label + "\" is also the time column: the network "
                    + "would read each sequence's class from its own time values; choose another class or time column");
        }
        if (label.equals(sequences.groupColumn())) {
            throw new SequenceException("the class column \"" + label + "\" is also the group column: every group "
                    + "would be one class, so whole-group splits test on classes never trained on; choose the donor "
                    + "or cell line column as group");
        }
    }

    /**
     * Before a grouped split: refuses when groups and classes coincide, or when a class has fewer groups than
     * the splits need. Returns the refusals turned into warnings when the user insists.
     *
     * @param kFold whether the split is k-fold (or leave-one-group-out) rather than one split
     */
    static List<String> checkDesign(SequenceDataset raw, SplitConfig split, boolean kFold) {
        List<String> warnings = new ArrayList<>();
        if (split.kind() != SplitConfig.Kind.GROUPED) {
            return warnings;
        }
        boolean leaveOneOut = kFold && split.folds() == SplitConfig.LEAVE_ONE_GROUP_OUT;
        Map<String, List<Integer>> units = kFold ? SplitUnits.forFolds(raw, leaveOneOut) : SplitUnits.forSplit(raw);
        int classes = raw.classCount();
        int[] unitsPerClass = new int[classes];
        boolean allSingleClass = true;
        for (List<Integer> ids : units.values()) {
            TreeSet<Integer> held = SplitUnits.classes(raw, ids);
            held.forEach(c -> unitsPerClass[c]++);
            allSingleClass &= held.size() == 1;
        }
        if (classes > 1 && allSingleClass && units.size() == classes) {
            throw new SequenceException("groups and classes coincide: each of the " + classes + " groups holds one "
                    + "class and each class one group, so a split by whole groups would test every class on a "
                    + "network that never saw it; name a group column (donor, cell line) or split in time blocks");
        }
        int needed = !kFold ? neededSplits(split) : leaveOneOut ? 2 : split.folds();
        String what = !kFold ? "one group in each of the " + needed + " splits"
                : leaveOneOut ? "a second group to train on while one is left out" : "one group in each of the "
                + needed + " folds";
        for (int c = 0; c < classes; c++) {
            if (unitsPerClass[c] > 0 && unitsPerClass[c] < needed) {
                missing(split, warnings, "class \"" + raw.classNames().get(c) + "\" has " + unitsPerClass[c]
                        + " group(s), but the split needs " + what + (leaveOneOut ? "" : "; use fewer splits or "
                        + "leave-one-group-out"));
            }
        }
        return warnings;
    }

    /**
     * After a grouped split: says so when whole groups could not be shared in the fractions asked for, e.g. 4
     * donors split 0.70/0.15/0.15 come out 2/1/1 donors, 50/25/25 %. Empty when the shares are within
     * {@link #FRACTION_TOLERANCE} of the fractions, or for the other kinds of split, which cut sequences.
     */
    static java.util.Optional<String> unitShares(SequenceDataset raw, SplitIndices indices, SplitConfig split) {
        if (split.kind() != SplitConfig.Kind.GROUPED) {
            return java.util.Optional.empty();
        }
        boolean replicates = SplitUnits.replicates(raw).size() >= 3;
        Map<String, List<Integer>> units = SplitUnits.forSplit(raw);
        java.util.Set<Integer> validation = new java.util.HashSet<>();
        java.util.Set<Integer> test = new java.util.HashSet<>();
        for (int s : indices.validation()) {
            validation.add(s);
        }
        for (int s : indices.test()) {
            test.add(s);
        }
        int[] counts = new int[3];
        for (List<Integer> ids : units.values()) {
            int first = ids.get(0);
            counts[test.contains(first) ? 2 : validation.contains(first) && !indices.validationIsTest() ? 1 : 0]++;
        }
        double[] asked = {split.trainFraction(), split.validationFraction(), split.testFraction()};
        int total = units.size();
        boolean off = false;
        for (int p = 0; p < 3; p++) {
            off |= Math.abs((double) counts[p] / total - asked[p]) > FRACTION_TOLERANCE;
        }
        if (!off) {
            return java.util.Optional.empty();
        }
        String what = replicates ? "replicates (donors, cell lines)" : "trajectory groups";
        return java.util.Optional.of("the split keeps whole " + what + " apart, and " + total + " of them cannot be "
                + "shared " + percentages(asked) + " as asked: training, validation and test hold " + counts[0] + ", "
                + counts[1] + " and " + counts[2] + " of them, " + percentages(new double[] {
                    (double) counts[0] / total, (double) counts[1] / total, (double) counts[2] / total})
                + "; with more " + (replicates ? "replicates" : "groups") + " the shares come closer, or split in "
                + "time blocks for the fractions as given");
    }

    private static String percentages(double[] fractions) {
        return String.format(java.util.Locale.ROOT, "%.0f/%.0f/%.0f %%", 100 * fractions[0], 100 * fractions[1],
                100 * fractions[2]);
    }

    /** Class counts per split; refuses (or warns) when a split lacks a class, warns when its balance is off. */
    static SplitBalance balance(SequenceDataset raw, SplitIndices indices, SplitConfig split,
                                boolean leaveOneOutFold) {
        List<String> classNames = raw.classNames();
        List<String> names = new ArrayList<>(List.of("training"));
        List<int[]> parts = new ArrayList<>(List.of(indices.train()));
        if (!indices.validationIsTest() && indices.validation().length > 0) {
            names.add("validation");
            parts.add(indices.validation());
        }
        names.add("test");
        parts.add(indices.test());
        int[] whole = raw.classCounts();
        List<int[]> counts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            int[] count = new int[classNames.size()];
            for (int s : parts.get(p)) {
                count[raw.label(s)]++;
            }
            counts.add(count);
            boolean heldOutGroup = leaveOneOutFold && !names.get(p).equals("training");
            if (parts.get(p).length == 0 || heldOutGroup) {
                continue;
            }
            List<String> held = new ArrayList<>();
            List<String> lacking = new ArrayList<>();
            for (int c = 0; c < count.length; c++) {
                if (whole[c] > 0) {
                    (count[c] > 0 ? held : lacking).add(classNames.get(c));
                }
            }
            if (!lacking.isEmpty()) {
                missing(split, warnings, "the " + names.get(p) + " split " + (names.get(p).equals("training")
                        ? "lacks class(es) " + String.join(", ", lacking) + ": the network never sees them"
                        : held.size() == 1 ? "holds only class " + held.get(0) + ": AUC cannot be computed"
                        : "lacks class(es) " + String.join(", ", lacking) + ": their recall and AUC cannot be "
                        + "computed"));
                continue;
            }
            offBalance(names.get(p), count, whole, parts.get(p).length, raw.sequenceCount(), classNames)
                    .ifPresent(warnings::add);
        }
        return new SplitBalance(classNames, names, counts, warnings);
    }

    private static java.util.Optional<String> offBalance(String split, int[] count, int[] whole, int size,
                                                          int total, List<String> classNames) {
        for (int c = 0; c < count.length; c++) {
            double share = (double) count[c] / size;
            double overall = (double) whole[c] / total;
            if (Math.abs(share - overall) > SplitBalance.TOLERANCE) {
                return java.util.Optional.of("the " + split + " split is " + SplitBalance.percent(share) + " class "
                        + classNames.get(c) + " against " + SplitBalance.percent(overall) + " overall: its scores "
                        + "reflect that imbalance");
            }
        }
        return java.util.Optional.empty();
    }

    private static int neededSplits(SplitConfig split) {
        int needed = 1;
        needed += split.validationFraction() > 0 && !split.validationIsTest() ? 1 : 0;
        needed += split.testFraction() > 0 ? 1 : 0;
        return needed;
    }

    private static void missing(SplitConfig split, List<String> warnings, String problem) {
        if (!split.allowMissingClasses()) {
            throw new SequenceException(problem + " (allow missing classes to go on anyway)");
        }
        warnings.add(problem);
    }
}

package org.cardiacrnn.sequences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Divides sequences into training, validation and test, or into k folds. All results list sequence indices in
 * ascending order and depend only on the dataset and the seed.
 *
 * <p>GROUPED keeps whole replicates (the group column: donors, cell lines) in one split when there are at
 * least 3, so every lineage of a held-out donor is unseen; otherwise whole trajectory groups. Its fractions
 * count these units, not sequences, and the units are stratified by class ({@link SplitUnits}) so every split
 * holds every class whenever the units allow it; else they are shared out regardless of class. Grouped k-fold
 * deals each class's groups round the folds; leave-one-group-out ({@link SplitConfig#LEAVE_ONE_GROUP_OUT})
 * gives each replicate its own fold. BLOCKED leaves out {@code timeSteps - 1}
 * windows between consecutive blocks of a trajectory, so with stride 1 no sample feeds two splits; a
 * trajectory too short for one block per split stays wholly in training.
 */
public final class Splitter {

    private Splitter() {
    }

    /** One split into training, validation and test. */
    public static SplitIndices split(SequenceDataset dataset, SplitConfig config) {
        double[] fractions = {config.trainFraction(), config.validationFraction(), config.testFraction()};
        List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Random random = new Random(config.seed());
        switch (config.kind()) {
            case RANDOM -> cut(shuffled(all(dataset), random), fractions, parts);
            case STRATIFIED -> byLabel(dataset).values().forEach(ids -> cut(shuffled(ids, random), fractions, parts));
            case GROUPED -> grouped(dataset, fractions, random, parts);
            case BLOCKED -> groups(dataset).values().forEach(ids -> blocked(ids, dataset.timeSteps() - 1, fractions,
                    parts));
            default -> throw new IllegalStateException();
        }
        return indices(parts.get(0), parts.get(1), parts.get(2), config.validationIsTest());
    }

    /**
     * k-fold cross-validation: each sequence is in exactly one fold's test split. Validation is the test split
     * when {@code validationIsTest}, else empty. GROUPED folds keep groups whole; BLOCKED folds are contiguous
     * blocks of each trajectory, with the neighbouring windows left out of training.
     */
    public static List<SplitIndices> kFold(SequenceDataset dataset, SplitConfig config) {
        boolean leaveOneOut = config.folds() == SplitConfig.LEAVE_ONE_GROUP_OUT;
        if (leaveOneOut && config.kind() != SplitConfig.Kind.GROUPED) {
            throw new SequenceException("leave-one-group-out needs the grouped split; got " + config.kind()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        int k = leaveOneOut ? SplitUnits.forFolds(dataset, true).size() : config.folds();
        Random random = new Random(config.seed());
        int[] fold = new int[dataset.sequenceCount()];
        boolean[][] excluded = new boolean[k][dataset.sequenceCount()];
        switch (config.kind()) {
            case RANDOM -> roundRobin(List.of(shuffled(all(dataset), random)), fold, k, "sequences");
            case STRATIFIED -> roundRobin(shuffledEach(byLabel(dataset).values(), random), fold, k, "sequences");
            case GROUPED -> {
                Map<String, List<Integer>> groups = SplitUnits.forFolds(dataset, leaveOneOut);
                // Dealing each class's groups round the folds in turn puts every class in every fold that its
                // number of groups allows.
                List<String> order = new ArrayList<>();
                SplitUnits.strata(dataset, groups).values().forEach(ids -> order.addAll(shuffled(ids, random)));
                if (order.size() < k) {
                    throw new SequenceException("folds must be at most the number of groups (" + order.size()
                            + "); got " + k);
                }
                for (int i = 0; i < order.size(); i++) {
                    for (int s : groups.get(order.get(i))) {
                        fold[s] = i % k;
                    }
                }
            }
            case BLOCKED -> groups(dataset).values().forEach(ids -> blockFolds(ids, k, dataset.timeSteps() - 1, fold,
                    excluded));
            default -> throw new IllegalStateException();
        }
        List<SplitIndices> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int s = 0; s < fold.length; s++) {
                if (fold[s] == f) {
                    test.add(s);
                } else if (!excluded[f][s]) {
                    train.add(s);
                }
            }
            folds.add(indices(train, List.of(), test, config.validationIsTest()));
        }
        return folds;
    }

    private static void grouped(SequenceDataset dataset, double[] fractions, Random random,
                                List<List<Integer>> parts) {
        // Whole replicates (donors, cell lines) per split when there are enough: every lineage of a held-out
        // donor is unseen, so the network cannot score by recognising a donor it was trained on.
        Map<String, List<Integer>> units = SplitUnits.forSplit(dataset);
        List<List<String>> assigned = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (List<String> ids : SplitUnits.strata(dataset, units).values()) {
            cut(shuffled(ids, random), fractions, assigned);
        }
        boolean starved = false;
        for (int p = 0; p < 3; p++) {
            starved |= fractions[p] > 0 && assigned.get(p).isEmpty();
        }
        if (starved) {
            // Too few units per class to stratify: share them out regardless of class (SplitGuards then says
            // which split lacks which class).
            assigned.forEach(List::clear);
            cut(shuffled(new ArrayList<>(units.keySet()), random), fractions, assigned);
        }
        for (int p = 0; p < 3; p++) {
            for (String unit : assigned.get(p)) {
                parts.get(p).addAll(units.get(unit));
            }
        }
    }

    private static void blocked(List<Integer> ids, int gap, double[] fractions, List<List<Integer>> parts) {
        int used = 0;
        for (double f : fractions) {
            used += f > 0 ? 1 : 0;
        }
        int usable = ids.size() - gap * (used - 1);
        if (usable < used) {
            parts.get(0).addAll(ids);
            return;
        }
        int[] counts = allocate(usable, fractions);
        int position = 0;
        for (int p = 0; p < 3; p++) {
            if (counts[p] == 0) {
                continue;
            }
            if (position > 0) {
                position += gap;
            }
            parts.get(p).addAll(ids.subList(position, position + counts[p]));
            position += counts[p];
        }
    }

    private static void blockFolds(List<Integer> ids, int k, int gap, int[] fold, boolean[][] excluded) {
        int m = ids.size();
        for (int i = 0; i < m; i++) {
            fold[ids.get(i)] = (int) ((long) i * k / m);
        }
        for (int i = 0; i < m; i++) {
            for (int j = Math.max(0, i - gap); j <= Math.min(m - 1, i + gap); j++) {
                int f = fold[ids.get(j)];
                if (f != fold[ids.get(i)]) {
                    excluded[f][ids.get(i)] = true;
                }
            }
        }
    }

    private static void roundRobin(List<List<Integer>> lists, int[] fold, int k, String what) {
        int total = lists.stream().mapToInt(List::size).sum();
        if (total < k) {
            throw new SequenceException("folds must be at most the number of " + what + " (" + total + "); got " + k);
        }
        int i = 0;
        for (List<Integer> ids : lists) {
            for (int s : ids) {
                fold[s] = i++ % k;
            }
        }
    }

    /** Shares a list out in order: the first part to training, then validation, then test. */
    private static <T> void cut(List<T> items, double[] fractions, List<List<T>> parts) {
        int[] counts = allocate(items.size(), fractions);
        parts.get(0).addAll(items.subList(0, counts[0]));
        parts.get(1).addAll(items.subList(counts[0], counts[0] + counts[1]));
        parts.get(2).addAll(items.subList(counts[0] + counts[1], items.size()));
    }

    /** Rounded counts adding up to n; each wanted split (test first) gets one item while training keeps one. */
    static int[] allocate(int n, double[] fractions) {
        int validation = (int) Math.round(n * fractions[1]);
        int test = (int) Math.round(n * fractions[2]);
        if (test == 0 && fractions[2] > 0 && n - validation > 1) {
            test = 1;
        }
        if (validation == 0 && fractions[1] > 0 && n - test > 1) {
            validation = 1;
        }
        while (n > 0 && validation + test >= n) {
            if (validation >= test) {
                validation--;
            } else {
                test--;
            }
        }
        return new int[] {n - validation - test, Math.max(validation, 0), Math.max(test, 0)};
    }

    private static List<Integer> all(SequenceDataset dataset) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < dataset.sequenceCount(); i++) {
            ids.add(i);
        }
        return ids;
    }

    private static <T> List<T> shuffled(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static List<List<Integer>> shuffledEach(Iterable<List<Integer>> lists, Random random) {
        List<List<Integer>> out = new ArrayList<>();
        lists.forEach(ids -> out.add(shuffled(ids, random)));
        return out;
    }

    private static Map<Integer, List<Integer>> byLabel(SequenceDataset dataset) {
        Map<Integer, List<Integer>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < dataset.sequenceCount(); i++) {
            byLabel.computeIfAbsent(dataset.label(i), k -> new ArrayList<>()).add(i);
        }
        return byLabel;
    }

    private static Map<String, List<Integer>> groups(SequenceDataset dataset) {
        return SplitUnits.groups(dataset);
    }

    private static SplitIndices indices(List<Integer> train, List<Integer> validation, List<Integer> test,
                                        boolean validationIsTest) {
        int[] testIds = sorted(test);
        return new SplitIndices(sorted(train), validationIsTest ? testIds : sorted(validation), testIds,
                validationIsTest);
    }

    private static int[] sorted(List<Integer> ids) {
        int[] out = ids.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }
}

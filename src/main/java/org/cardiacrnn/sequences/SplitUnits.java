package org.cardiacrnn.sequences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The units a grouped split keeps whole, and the strata it deals them out by. A unit is a replicate (the
 * group column: donor, cell line) or a trajectory group ({@code label/replicate}, or the label alone when
 * there is no group column).
 *
 * <p>Stratifying units by class is what makes every split hold every class when the design allows it, in the
 * manner of scikit-learn's StratifiedGroupKFold: a unit holding one class is dealt out with the other units of
 * that class; units holding several classes (a donor with all lineages) form one stratum of their own, since
 * any of them brings every class it holds.
 */
final class SplitUnits {

    /** Stratum key of units holding more than one class. */
    static final int MIXED = -1;

    private SplitUnits() {
    }

    /** Units of a train / validation / test split: replicates when there are at least 3, else trajectory groups. */
    static Map<String, List<Integer>> forSplit(SequenceDataset dataset) {
        Map<String, List<Integer>> replicates = replicates(dataset);
        return replicates.size() >= 3 ? replicates : groups(dataset);
    }

    /** Units of k-fold (trajectory groups) or of leave-one-group-out (replicates, where the data have them). */
    static Map<String, List<Integer>> forFolds(SequenceDataset dataset, boolean leaveOneGroupOut) {
        if (leaveOneGroupOut) {
            Map<String, List<Integer>> replicates = replicates(dataset);
            return replicates.isEmpty() ? groups(dataset) : replicates;
        }
        return groups(dataset);
    }

    /** Unit ids per stratum: a class index for single-class units, {@link #MIXED} for the rest; first-seen order. */
    static Map<Integer, List<String>> strata(SequenceDataset dataset, Map<String, List<Integer>> units) {
        Map<Integer, List<String>> strata = new TreeMap<>();
        units.forEach((id, ids) -> strata.computeIfAbsent(stratum(dataset, ids), k -> new ArrayList<>()).add(id));
        return strata;
    }

    /** The classes the sequences of one unit hold. */
    static TreeSet<Integer> classes(SequenceDataset dataset, List<Integer> ids) {
        TreeSet<Integer> classes = new TreeSet<>();
        ids.forEach(i -> classes.add(dataset.label(i)));
        return classes;
    }

    private static int stratum(SequenceDataset dataset, List<Integer> ids) {
        TreeSet<Integer> classes = classes(dataset, ids);
        return classes.size() == 1 ? classes.first() : MIXED;
    }

    /**
     * Sequences of each replicate: the part of a {@code label/replicate} group id after the slash. Empty when
     * the groups carry no replicate (no group column).
     */
    static Map<String, List<Integer>> replicates(SequenceDataset dataset) {
        Map<String, List<Integer>> replicates = new LinkedHashMap<>();
        for (int i = 0; i < dataset.sequenceCount(); i++) {
            String id = dataset.groupIds().get(i);
            int slash = id.lastIndexOf('/');
            if (slash < 0) {
                return Map.of();
            }
            replicates.computeIfAbsent(id.substring(slash + 1), k -> new ArrayList<>()).add(i);
        }
        return replicates;
    }

    /** Sequences of each group, groups in first-seen order, sequences in dataset (time) order. */
    static Map<String, List<Integer>> groups(SequenceDataset dataset) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < dataset.sequenceCount(); i++) {
            groups.computeIfAbsent(dataset.groupIds().get(i), k -> new ArrayList<>()).add(i);
        }
        return groups;
    }
}

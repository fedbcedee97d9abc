package org.cardiacrnn.sequences;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cardiacrnn.data.MetadataColumns;
import org.cardiacrnn.data.SampleMetadata;
import org.cardiacrnn.data.SingleCellOptions;

/**
 * Samples grouped into trajectories (label, or label × group) with rows in time order; shared by the
 * builders so that rebuilding after preprocessing gives the same sequences in the same order.
 *
 * <p>For time courses, a {@value SingleCellOptions#REPLICATE} column (pseudobulk writes one with
 * {@code --replicates}) splits each label × group into parallel trajectories, one per replicate: averaging
 * them would throw away the very sequences pseudo-replicates exist to provide. The trajectory id stays
 * {@code label/group}, so a grouped split still keeps all of a group's replicates on one side. Sliding windows
 * keep replicates in one trajectory, stepping through them in time order, as the published method does.
 */
record Trajectories(List<String> classNames, List<Trajectory> trajectories, double[] times, List<String> warnings) {

    /**
     * One trajectory: its id (the unit a grouped split keeps whole), its replicate (null without a replicate
     * column), class index and matrix rows ordered by time (ties keep file order).
     */
    record Trajectory(String id, String replicate, int label, int[] rows) {

        /** The id, with the replicate where there is one, for messages. */
        String name() {
            return replicate == null ? id : id + " replicate " + replicate;
        }
    }

    /** Orders replicates 1, 2, …, 10 numerically when they are numbers, else as text. */
    private static final Comparator<String> REPLICATE_ORDER = Comparator
            .comparing((String r) -> r.matches("\\d{1,9}") ? Integer.parseInt(r) : Integer.MAX_VALUE)
            .thenComparing(Comparator.naturalOrder());

    static Trajectories of(SampleMetadata metadata, SequenceConfig config, List<String> knownClasses) {
        double[] times = MetadataColumns.requireNumeric(metadata, config.timeColumn(), null);
        int n = times.length;
        List<String> warnings = new ArrayList<>();
        List<String> labels = labelValues(metadata, config.labelColumn(), n);
        List<String> groups = config.groupColumn() == null ? null : column(metadata, config.groupColumn()).values();
        List<String> replicates = replicateValues(metadata, config);
        List<String> classes = knownClasses != null ? List.copyOf(knownClasses) : classNames(metadata, config, labels);
        Map<String, Integer> classIndex = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            classIndex.put(classes.get(c), c);
        }
        TreeSet<String> unknown = new TreeSet<>();
        Map<Integer, TreeMap<String, TreeMap<String, List<Integer>>>> byClass = new TreeMap<>();
        int noTime = 0;
        int noLabel = 0;
        for (int row = 0; row < n; row++) {
            String label = labels.get(row).trim();
            if (label.isEmpty() || label.equalsIgnoreCase("NA") || label.equalsIgnoreCase("NaN")) {
                noLabel++;
                continue;
            }
            if (Double.isNaN(times[row])) {
                noTime++;
                continue;
            }
            Integer index = config.labelColumn() == null ? Integer.valueOf(0) : classIndex.get(label);
            if (index == null) {
                unknown.add(label);
                continue;
            }
            String id = config.labelColumn() == null ? "all" : label;
            if (groups != null) {
                String group = groups.get(row).trim();
                group = group.isEmpty() ? "(no " + config.groupColumn() + ")" : group;
                // Unlabelled new data: the group (donor, line, culture) alone is the trajectory.
                id = config.labelColumn() == null ? group : id + "/" + group;
            }
            String replicate = replicates == null ? "" : replicates.get(row).trim();
            byClass.computeIfAbsent(index, k -> new TreeMap<>())
                    .computeIfAbsent(id, k -> new TreeMap<>(REPLICATE_ORDER))
                    .computeIfAbsent(replicate, k -> new ArrayList<>()).add(row);
        }
        if (!unknown.isEmpty()) {
            throw new SequenceException("column \"" + config.labelColumn() + "\" holds labels the model does not know: "
                    + unknown + "; known classes are " + classes);
        }
        if (noTime + noLabel > 0) {
            warnings.add(droppedSamples(n, noLabel, noTime, config));
        }
        List<Trajectory> trajectories = new ArrayList<>();
        byClass.forEach((label, ids) -> ids.forEach((id, byReplicate) -> byReplicate.forEach((replicate, rows) -> {
            rows.sort(Comparator.comparingDouble(r -> times[r]));
            trajectories.add(new Trajectory(id, replicates == null ? null : replicate, label,
                    rows.stream().mapToInt(Integer::intValue).toArray()));
        })));
        return new Trajectories(classes, trajectories, times, warnings);
    }

    /** Each sample's replicate, for time courses over data with a replicate column; null otherwise. */
    private static List<String> replicateValues(SampleMetadata metadata, SequenceConfig config) {
        if (config.builder() != SequenceConfig.Builder.TIME_COURSE
                || !metadata.hasColumn(SingleCellOptions.REPLICATE)) {
            return null;
        }
        return metadata.column(SingleCellOptions.REPLICATE).values();
    }

    /** One line counting every sample left out, and why: a blank label (no metadata row included) or no time. */
    private static String droppedSamples(int samples, int noLabel, int noTime, SequenceConfig config) {
        List<String> reasons = new ArrayList<>();
        if (noLabel > 0) {
            reasons.add(noLabel + " with no value in \"" + config.labelColumn() + "\" (a blank label or no metadata "
                    + "row)");
        }
        if (noTime > 0) {
            reasons.add(noTime + " with no value in \"" + config.timeColumn() + "\"");
        }
        return "left out " + (noLabel + noTime) + " of " + samples + " samples: " + String.join(", ", reasons);
    }

    /** Rows of each trajectory in time order, for interpolating missing values. */
    int[][] orderedRows() {
        return trajectories.stream().map(Trajectory::rows).toArray(int[][]::new);
    }

    private static List<String> labelValues(SampleMetadata metadata, String labelColumn, int n) {
        if (labelColumn == null) {
            return java.util.Collections.nCopies(n, "unlabelled");
        }
        return column(metadata, labelColumn).values();
    }

    private static List<String> classNames(SampleMetadata metadata, SequenceConfig config, List<String> labels) {
        if (config.labelColumn() == null) {
            return List.of("unlabelled");
        }
        SampleMetadata.Column column = metadata.column(config.labelColumn());
        TreeSet<String> distinct = new TreeSet<>(column.isNumeric()
                ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        labels.stream().map(String::trim)
                .filter(v -> !v.isEmpty() && !v.equalsIgnoreCase("NA") && !v.equalsIgnoreCase("NaN"))
                .forEach(distinct::add);
        if (distinct.size() < 1) {
            throw new SequenceException("label column \"" + config.labelColumn() + "\" holds no values");
        }
        return List.copyOf(distinct);
    }

    private static SampleMetadata.Column column(SampleMetadata metadata, String name) {
        if (!metadata.hasColumn(name)) {
            throw new SequenceException("no metadata column \"" + name + "\"; columns are " + metadata.columnNames());
        }
        return metadata.column(name);
    }
}

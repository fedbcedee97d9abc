package org.cardiacrnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Sums the counts of cells into pseudobulk samples as they are read. Before the read, each cell is given the
 * samples it counts toward (one per branch listing its state, in the pseudo-replicate it was drawn into), so
 * that the read itself only adds each value to a few rows of a samples × genes table.
 */
final class PseudobulkAggregator implements CellSink {

    private static final String KEY_SEPARATOR = "\u0001";

    private final int genes;
    private final int[] targetStart;
    private final int[] targets;
    private final float[] sums;
    private final List<String> sampleIds = new ArrayList<>();
    private final List<SampleMetadata.Column> sampleColumns;
    private final SingleCellReport report;

    /**
     * @param cellColumns the cells' annotations by column name, one value per cell
     */
    PseudobulkAggregator(Path source, int cells, int genes, Map<String, List<String>> cellColumns,
                         SingleCellOptions options) {
        this.genes = genes;
        List<List<String>> groupBy = new ArrayList<>();
        for (String name : options.pseudobulk()) {
            groupBy.add(column(source, cellColumns, name, "--pseudobulk"));
        }
        List<String> states = options.branchColumn() == null ? null
                : column(source, cellColumns, options.branchColumn(), "--branch-column");
        List<String> branchNames = new ArrayList<>(options.branches().keySet());
        Map<String, int[]> branchesOfState = branchesOfState(options.branches(), branchNames);

        // group key -> its cells, in a sorted order so that sample order does not depend on cell order
        TreeMap<String, IntList> groups = new TreeMap<>();
        Map<String, Integer> outside = new TreeMap<>();
        Set<String> seenStates = new LinkedHashSet<>();
        int withoutGroup = 0;
        StringBuilder key = new StringBuilder();
        for (int c = 0; c < cells; c++) {
            key.setLength(0);
            boolean complete = true;
            for (List<String> column : groupBy) {
                String value = column.get(c);
                if (value == null || value.isBlank()) {
                    complete = false;
                    break;
                }
                key.append(value).append(KEY_SEPARATOR);
            }
            if (!complete) {
                withoutGroup++;
                continue;
            }
            if (states == null) {
                groups.computeIfAbsent(key.toString(), k -> new IntList()).add(c);
                continue;
            }
            String state = states.get(c) == null ? "" : states.get(c);
            seenStates.add(state);
            int[] ofState = branchesOfState.get(state);
            if (ofState == null) {
                outside.merge(state.isEmpty() ? "(empty)" : state, 1, Integer::sum);
                continue;
            }
            for (int b : ofState) {
                groups.computeIfAbsent(key + String.format("%04d", b), k -> new IntList()).add(c);
            }
        }
        List<String> neverSeen = new ArrayList<>();
        options.branches().values().stream().flatMap(List::stream).distinct()
                .filter(s -> states != null && !seenStates.contains(s)).forEach(neverSeen::add);

        List<String> dropped = new ArrayList<>();
        boolean[] inDroppedGroup = new boolean[cells];
        int[] targetCount = new int[cells];
        List<int[]> sampleCells = new ArrayList<>();
        Map<String, List<String>> columnValues = new LinkedHashMap<>();
        options.pseudobulk().forEach(name -> columnValues.put(name, new ArrayList<>()));
        List<String> branchValues = new ArrayList<>();
        List<String> replicateValues = new ArrayList<>();
        List<String> cellCounts = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(options.seed());
        for (Map.Entry<String, IntList> group : groups.entrySet()) {
            int[] members = group.getValue().toArray();
            String[] parts = group.getKey().split(KEY_SEPARATOR, -1);
            String branch = states == null ? null : branchNames.get(Integer.parseInt(parts[parts.length - 1]));
            String name = name(parts, options.pseudobulk().size(), branch);
            if (members.length < options.minCells()) {
                dropped.add(name + ": " + members.length + " cells");
                for (int c : members) {
                    inDroppedGroup[c] = true;
                }
                continue;
            }
            shuffle(members, random);
            int replicates = Math.min(options.replicates(), members.length);
            for (int r = 0; r < replicates; r++) {
                int from = (int) ((long) members.length * r / replicates);
                int to = (int) ((long) members.length * (r + 1) / replicates);
                int[] part = Arrays.copyOfRange(members, from, to);
                Arrays.sort(part);
                for (int c : part) {
                    targetCount[c]++;
                }
                sampleCells.add(part);
                sampleIds.add(options.replicates() > 1 ? name + "|r" + (r + 1) : name);
                for (int i = 0; i < options.pseudobulk().size(); i++) {
                    columnValues.get(options.pseudobulk().get(i)).add(parts[i]);
                }
                branchValues.add(branch);
                replicateValues.add(Integer.toString(r + 1));
                cellCounts.add(Integer.toString(part.length));
            }
        }
        if (sampleIds.isEmpty()) {
            throw new DataFormatException(source, "no group of cells is left to make a sample: " + groups.size()
                    + " group(s) by " + String.join(", ", options.pseudobulk()) + (groups.isEmpty() ? ""
                    : ", all with fewer than " + options.minCells() + " cells (lower --min-cells)"));
        }
        int droppedCells = 0;
        for (int c = 0; c < cells; c++) {
            droppedCells += inDroppedGroup[c] && targetCount[c] == 0 ? 1 : 0;
        }

        targetStart = new int[cells + 1];
        for (int c = 0; c < cells; c++) {
            targetStart[c + 1] = targetStart[c] + targetCount[c];
        }
        targets = new int[targetStart[cells]];
        int[] filled = new int[cells];
        for (int s = 0; s < sampleCells.size(); s++) {
            for (int c : sampleCells.get(s)) {
                targets[targetStart[c] + filled[c]++] = s;
            }
        }
        sums = new float[Math.multiplyExact(sampleIds.size(), genes)];

        sampleColumns = new ArrayList<>();
        columnValues.forEach((name, values) -> sampleColumns.add(SampleMetadata.Column.of(name, values)));
        if (states != null) {
            sampleColumns.add(SampleMetadata.Column.of(SingleCellOptions.BRANCH, branchValues));
        }
        if (options.replicates() > 1) {
            sampleColumns.add(SampleMetadata.Column.of(SingleCellOptions.REPLICATE, replicateValues));
        }
        sampleColumns.add(SampleMetadata.Column.of(SingleCellOptions.CELLS, cellCounts));
        report = new SingleCellReport(cells, sampleIds.size(), dropped, droppedCells, withoutGroup, outside,
                neverSeen);
    }

    private static List<String> column(Path source, Map<String, List<String>> cellColumns, String name,
                                       String option) {
        List<String> column = cellColumns.get(name);
        if (column == null) {
            throw new DataFormatException(source, option + " names a cell annotation column \"" + name
                    + "\" that does not exist; the columns are " + cellColumns.keySet());
        }
        return column;
    }

    private static Map<String, int[]> branchesOfState(Map<String, List<String>> branches, List<String> names) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int b = 0; b < names.size(); b++) {
            for (String state : branches.get(names.get(b))) {
                lists.computeIfAbsent(state, s -> new ArrayList<>()).add(b);
            }
        }
        Map<String, int[]> arrays = new HashMap<>();
        lists.forEach((state, list) -> arrays.put(state, list.stream().mapToInt(Integer::intValue).toArray()));
        return arrays;
    }

    private static String name(String[] parts, int groupColumns, String branch) {
        List<String> words = new ArrayList<>(Arrays.asList(parts).subList(0, groupColumns));
        if (branch != null) {
            words.add(branch);
        }
        return String.join("|", words);
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    @Override
    public void add(int cell, int gene, float value) {
        for (int k = targetStart[cell]; k < targetStart[cell + 1]; k++) {
            sums[targets[k] * genes + gene] += value;
        }
    }

    /** Whether a cell counts toward any sample; readers may skip the others. */
    boolean wanted(int cell) {
        return targetStart[cell + 1] > targetStart[cell];
    }

    ExpressionMatrix matrix(List<String> geneNames) {
        return new ExpressionMatrix(sums, sampleIds, geneNames);
    }

    List<SampleMetadata.Column> sampleColumns() {
        return sampleColumns;
    }

    SingleCellReport report() {
        return report;
    }

    /** A growable list of ints without boxing: hundreds of thousands of cells are grouped. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}

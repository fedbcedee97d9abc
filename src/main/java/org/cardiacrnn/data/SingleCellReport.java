package org.cardiacrnn.data;

import java.util.List;
import java.util.Map;

/**
 * What aggregation did with the cells, so that every cell left out is accounted for.
 *
 * @param cellsRead             cells in the file
 * @param samples               samples made (groups × branches × replicates kept)
 * @param droppedGroups         groups below the minimum cell count, as {@code "NAME: N cells"}
 * @param cellsInDroppedGroups  cells that only belonged to dropped groups
 * @param cellsWithoutGroup     cells with an empty value in a group-by column (or without metadata)
 * @param cellsOutsideBranches  cells whose state no branch lists, by state
 * @param statesNeverSeen       states named in a branch that no cell has
 */
public record SingleCellReport(int cellsRead, int samples, List<String> droppedGroups, int cellsInDroppedGroups,
                               int cellsWithoutGroup, Map<String, Integer> cellsOutsideBranches,
                               List<String> statesNeverSeen) {

    private static final int LISTED = 30;

    public SingleCellReport {
        droppedGroups = List.copyOf(droppedGroups);
        cellsOutsideBranches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                cellsOutsideBranches));
        statesNeverSeen = List.copyOf(statesNeverSeen);
    }

    /** One line per kind of cell left out, for the load report's warnings. */
    List<String> warnings(SingleCellOptions options) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "pseudobulk: %,d cells summed into %,d samples by %s%s%s",
                cellsRead, samples, String.join(", ", options.pseudobulk()),
                options.branches().isEmpty() ? "" : " × " + SingleCellOptions.BRANCH,
                options.replicates() > 1 ? " × " + options.replicates() + " pseudo-replicates" : ""));
        if (!droppedGroups.isEmpty()) {
            lines.add(droppedGroups.size() + " group(s) with fewer than " + options.minCells() + " cells dropped ("
                    + cellsInDroppedGroups + " cells): " + String.join("; ", droppedGroups.subList(0,
                    Math.min(LISTED, droppedGroups.size()))) + (droppedGroups.size() > LISTED ? "; …" : ""));
        }
        if (cellsWithoutGroup > 0) {
            lines.add(cellsWithoutGroup + " cell(s) have no value in a group-by column and were left out");
        }
        if (!cellsOutsideBranches.isEmpty()) {
            lines.add(cellsOutsideBranches.values().stream().mapToInt(Integer::intValue).sum() + " cell(s) in states "
                    + "no branch lists were left out: " + cellsOutsideBranches);
        }
        for (String state : statesNeverSeen) {
            lines.add("branch state \"" + state + "\" never occurs in column \"" + options.branchColumn() + "\"");
        }
        return lines;
    }
}

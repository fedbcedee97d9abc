package org.cardiacrnn.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * How single-cell data is turned into samples while it is read.
 *
 * @param pseudobulk   cell annotation columns whose shared values make one sample (empty: keep single cells)
 * @param replicates   pseudo-replicates per group: its cells are split at random into this many parts
 * @param minCells     groups with fewer cells are dropped (and listed in the load report)
 * @param branchColumn the cell-state column that {@code branches} refers to, or null
 * @param branches     lineage name → the states of that lineage; a cell counts toward every lineage naming its state
 * @param countsLayer  read {@code layers/NAME} (or {@code raw/X} for "raw") of an .h5ad instead of {@code X}
 * @param varNames     the {@code var} column of an .h5ad holding gene names (e.g. gene_ids), or null for its index
 * @param seed         seed of the pseudo-replicate split
 */
public record SingleCellOptions(List<String> pseudobulk, int replicates, int minCells, String branchColumn,
                                Map<String, List<String>> branches, String countsLayer, String varNames,
                                long seed) {

    public static final int DEFAULT_MIN_CELLS = 10;
    public static final long DEFAULT_SEED = 42;
    /** The column that holds each sample's lineage when branches are declared. */
    public static final String BRANCH = "branch";
    /** The column that holds each sample's cell count. */
    public static final String CELLS = "cells";
    /** The column that holds each sample's pseudo-replicate number, when there is more than one. */
    public static final String REPLICATE = "replicate";

    public SingleCellOptions {
        pseudobulk = pseudobulk == null ? List.of() : List.copyOf(pseudobulk);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (branches != null) {
            branches.forEach((name, states) -> copy.put(name, List.copyOf(states)));
        }
        branches = java.util.Collections.unmodifiableMap(copy);
        if (replicates < 1) {
            throw new IllegalArgumentException("--replicates must be at least 1, was " + replicates);
        }
        if (minCells < 1) {
            throw new IllegalArgumentException("--min-cells must be at least 1, was " + minCells);
        }
        if (!branches.isEmpty() && branchColumn == null) {
            throw new IllegalArgumentException("--branches needs --branch-column (the column holding cell states)");
        }
        if (branchColumn != null && branches.isEmpty()) {
            throw new IllegalArgumentException("--branch-column needs --branches \"NAME=STATE,STATE;NAME=…\"");
        }
        if (!branches.isEmpty() && pseudobulk.isEmpty()) {
            throw new IllegalArgumentException("--branches works on pseudobulk samples: add --pseudobulk COLUMN,…");
        }
    }

    /** Reading options only (no counts layer, gene names from the index), no aggregation. */
    public static SingleCellOptions none() {
        return new SingleCellOptions(List.of(), 1, DEFAULT_MIN_CELLS, null, Map.of(), null, null, DEFAULT_SEED);
    }

    public boolean aggregates() {
        return !pseudobulk.isEmpty();
    }

    /** True when these options change nothing, so a request with them reads like one without. */
    public boolean changesNothing() {
        return equals(none());
    }

    /**
     * Parses {@code "cardiomyocyte=IPSC,MES,CMES,CM;fibroblast=IPSC,MES,PROG,CF"}.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static Map<String, List<String>> parseBranches(String text) {
        Map<String, List<String>> branches = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return branches;
        }
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            String name = equals < 0 ? "" : part.substring(0, equals).trim();
            List<String> states = new ArrayList<>();
            if (equals >= 0) {
                for (String state : part.substring(equals + 1).split(",")) {
                    if (!state.isBlank()) {
                        states.add(state.trim());
                    }
                }
            }
            if (name.isEmpty() || states.isEmpty()) {
                throw new IllegalArgumentException("--branches: \"" + part.trim() + "\" is not NAME=STATE,STATE,…");
            }
            if (branches.put(name, List.copyOf(new LinkedHashSet<>(states))) != null) {
                throw new IllegalArgumentException("--branches: branch \"" + name + "\" is declared twice");
            }
        }
        return branches;
    }

    /** The inverse of {@link #parseBranches}. */
    public static String formatBranches(Map<String, List<String>> branches) {
        List<String> parts = new ArrayList<>();
        branches.forEach((name, states) -> parts.add(name + "=" + String.join(",", states)));
        return String.join(";", parts);
    }
}

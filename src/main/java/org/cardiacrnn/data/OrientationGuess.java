package org.cardiacrnn.data;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a table's rows are samples or genes, strongest evidence first: the caller's choice, the
 * length of name files, annotation columns, the first header cell, how gene-like the row and column names
 * look, and last the shape. The reason is kept so the user can see it and force the other way.
 */
record OrientationGuess(Orientation orientation, boolean detected, String reason) {

    private static final Set<String> GENE_HEADERS = Set.of("gene", "genes", "geneid", "genename", "genesymbol",
            "symbol", "feature", "featureid", "ensembl", "ensemblid");
    private static final Pattern ENSEMBL = Pattern.compile("ENS[A-Z]*G\\d{6,}(\\.\\d+)?");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*(\\.\\d+)?");
    private static final Pattern NOT_GENE = Pattern.compile("(?i)(sample|cell|day|rep|gsm|srr|d\\d).*|[ACGT]{8,}.*"
            + "|[A-Za-z]\\d+");

    /** Evidence about one table; lists may be null when absent, counts -1 when absent. */
    record Evidence(int rows, int columns, List<String> rowNames, List<String> columnNames, String firstHeader,
                    int textColumns, int geneFileCount, int sampleFileCount, int annotationRows) {
    }

    static OrientationGuess decide(Orientation forced, Evidence e) {
        Orientation sxg = Orientation.SAMPLES_BY_GENES;
        Orientation gxs = Orientation.GENES_BY_SAMPLES;
        if (forced != null) {
            return new OrientationGuess(forced, false, "forced by the caller");
        }
        OrientationGuess byCount = byCount(e.geneFileCount, e, gxs, sxg, "gene-names file");
        if (byCount == null) {
            byCount = byCount(e.sampleFileCount, e, sxg, gxs, "sample-names file");
        }
        if (byCount == null) {
            byCount = byCount(e.annotationRows, e, sxg, gxs, "sample-annotation file");
        }
        if (byCount != null) {
            return byCount;
        }
        if (e.textColumns >= 2) {
            return new OrientationGuess(sxg, true, e.textColumns + " leading annotation columns (one row per sample)");
        }
        if (e.firstHeader != null && e.textColumns == 1) {
            String key = e.firstHeader.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (GENE_HEADERS.contains(key)) {
                return new OrientationGuess(gxs, true, "the first column is headed \"" + e.firstHeader + "\"");
            }
            if (!key.isEmpty() && DelimitedLayout.isAnnotationName(key)) {
                return new OrientationGuess(sxg, true, "the first column is headed \"" + e.firstHeader + "\"");
            }
        }
        double rowScore = geneLikeFraction(e.rowNames);
        double columnScore = geneLikeFraction(e.columnNames);
        if (columnScore - rowScore > 0.3) {
            return new OrientationGuess(sxg, true, "column names look like genes");
        }
        if (rowScore - columnScore > 0.3) {
            return new OrientationGuess(gxs, true, "row names look like genes");
        }
        return e.columns >= e.rows
                ? new OrientationGuess(sxg, true, "shape only: more columns than rows, taken as genes")
                : new OrientationGuess(gxs, true, "shape only: more rows than columns, taken as genes");
    }

    private static OrientationGuess byCount(int count, Evidence e, Orientation ifRows, Orientation ifColumns,
                                            String what) {
        if (count < 0 || e.rows == e.columns) {
            return null;
        }
        if (count == e.rows) {
            return new OrientationGuess(ifRows, true, "the " + what + " has one line per row");
        }
        if (count == e.columns) {
            return new OrientationGuess(ifColumns, true, "the " + what + " has one line per column");
        }
        return null;
    }

    static double geneLikeFraction(List<String> names) {
        if (names == null || names.isEmpty()) {
            return 0;
        }
        int step = Math.max(1, names.size() / 200);
        int seen = 0;
        int geneLike = 0;
        for (int i = 0; i < names.size(); i += step) {
            String name = names.get(i);
            seen++;
            if (ENSEMBL.matcher(name).matches()
                    || SYMBOL.matcher(name).matches() && !NOT_GENE.matcher(name).matches()) {
                geneLike++;
            }
        }
        return geneLike / (double) seen;
    }
}

package org.cardiacrnn.app.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionMatrix;

/**
 * One page of the Data page's table preview: a row per sample, its id, its metadata, then a window of genes with
 * their values written as the table shows them, {@link #COLUMNS_PER_PAGE} columns in all. The view-model decides
 * what is in it; the page only turns each column into a table column.
 *
 * @param columns  the columns in display order
 * @param rowCount how many samples (rows) there are; a cell is asked for by row index
 * @param pageText which genes are shown, e.g. "Genes 41–80 of 2,000"; empty when there is no dataset
 */
public record TablePreview(List<Column> columns, int rowCount, String pageText) {

    /** What a column holds, so the page can style sample ids, annotations and numbers differently. */
    public enum Kind { SAMPLE, METADATA, GENE }

    /** One column: its header, its kind, and the text of its cell in a given row. */
    public record Column(String header, Kind kind, IntFunction<String> cell) {
    }

    /**
     * How many columns a page has, whatever the dataset: the genes fill what the sample id and the metadata leave.
     * With the same number of columns the table keeps its headers and cells from one dataset to the next; a
     * different number made the table build them all anew, which froze the window when a large dataset arrived.
     * Each column's cells are updated for every row the table holds, shown or scrolled off to the side, so a page
     * is about two screens wide.
     */
    public static final int COLUMNS_PER_PAGE = 26;
    /** The fewest genes a page shows, however many metadata columns there are. */
    static final int MIN_GENES_PER_PAGE = 10;

    /** The preview when no dataset is open. */
    public static final TablePreview EMPTY = new TablePreview(List.of(), 0, "");

    public TablePreview {
        columns = List.copyOf(columns);
    }

    /** The page of {@code data} that starts at gene {@code firstGene} (0-based). */
    static TablePreview of(ExpressionData data, int firstGene) {
        if (data == null) {
            return EMPTY;
        }
        ExpressionMatrix matrix = data.matrix();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(I18n.text("data.table.sample"), Kind.SAMPLE, row -> matrix.sampleIds().get(row)));
        for (String name : data.metadata().columnNames()) {
            List<String> values = data.metadata().column(name).values();
            columns.add(new Column(name, Kind.METADATA, values::get));
        }
        int from = Math.min(firstGene, matrix.geneCount());
        int to = Math.min(matrix.geneCount(), from + genesPerPage(data));
        for (int g = from; g < to; g++) {
            int gene = g;
            columns.add(new Column(matrix.geneNames().get(g), Kind.GENE, row -> formatValue(matrix.get(row, gene))));
        }
        String page = I18n.text("data.table.genePage", String.format(Locale.ROOT, "%,d", from + 1),
                String.format(Locale.ROOT, "%,d", to), String.format(Locale.ROOT, "%,d", matrix.geneCount()));
        return new TablePreview(columns, matrix.sampleCount(), page);
    }

    /** How many genes one page of {@code data} shows. */
    static int genesPerPage(ExpressionData data) {
        return Math.max(MIN_GENES_PER_PAGE, COLUMNS_PER_PAGE - 1 - data.metadata().columnNames().size());
    }

    /** A value as the table writes it: whole numbers in full, others to 4 significant digits, missing as NA. */
    static String formatValue(float value) {
        if (Float.isNaN(value)) {
            return "NA";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}

package org.cardiacrnn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The cell annotations of a single-cell file without its values, so that a person can choose how to aggregate
 * before the long read: the columns, their values, and the groups (with cell counts) that given options make.
 */
public final class SingleCellPreview {

    /** One group the options would make, with its cell count and whether it is kept (enough cells). */
    public record Group(String name, int cells, boolean kept) {
    }

    private final Path path;
    private final int cells;
    private final Map<String, List<String>> columns;
    private final List<String> geneNameColumns;

    private SingleCellPreview(Path path, int cells, Map<String, List<String>> columns, List<String> geneNameColumns) {
        this.path = path;
        this.cells = cells;
        this.columns = columns;
        this.geneNameColumns = geneNameColumns;
    }

    /** True for the formats read as single cells: .h5ad, Cell Ranger .h5 and 10x folders. */
    public static boolean isSingleCell(Path path) {
        return Files.exists(path) && SingleCellLoader.handles(path);
    }

    /** Reads names and annotations (and joins {@code metadata} on barcode when given); no values are read. */
    public static SingleCellPreview read(Path path, Path metadata) {
        return SingleCellLoader.guarded(path, () -> readUnguarded(path, metadata));
    }

    private static SingleCellPreview readUnguarded(Path path, Path metadata) {
        try (CellSource source = SingleCellLoader.open(path, null, null)) {
            Map<String, List<String>> columns = new LinkedHashMap<>(source.cellColumns());
            if (metadata != null) {
                MetadataTable.join(metadata, source.cellIds(), null).columns()
                        .forEach(c -> columns.put(c.name(), c.values()));
            }
            return new SingleCellPreview(path, source.cellIds().size(), columns, source.geneNameColumns());
        }
    }

    public int cells() {
        return cells;
    }

    public List<String> columns() {
        return List.copyOf(columns.keySet());
    }

    /** The gene annotation columns gene names can be taken from (an .h5ad's var columns; empty otherwise). */
    public List<String> geneNameColumns() {
        return geneNameColumns;
    }

    /** Distinct values of a column, in first-seen order. */
    public List<String> distinctValues(String column) {
        List<String> values = columns.get(column);
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    /**
     * The samples {@code options} would make, then the groups dropped for too few cells.
     *
     * @throws DataFormatException when a column is missing or no group is left
     */
    public List<Group> groups(SingleCellOptions options) {
        PseudobulkAggregator plan = new PseudobulkAggregator(path, cells, 0, columns, options);
        List<Group> groups = new ArrayList<>();
        List<String> names = plan.matrix(List.of()).sampleIds();
        List<String> counts = plan.sampleColumns().get(plan.sampleColumns().size() - 1).values();
        for (int i = 0; i < names.size(); i++) {
            groups.add(new Group(names.get(i), Integer.parseInt(counts.get(i)), true));
        }
        for (String dropped : plan.report().droppedGroups()) {
            int colon = dropped.lastIndexOf(": ");
            groups.add(new Group(dropped.substring(0, colon),
                    Integer.parseInt(dropped.substring(colon + 2).replace(" cells", "")), false));
        }
        return groups;
    }
}

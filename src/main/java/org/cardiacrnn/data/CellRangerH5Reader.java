package org.cardiacrnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

/**
 * Opens Cell Ranger's HDF5 matrix ({@code filtered_feature_bc_matrix.h5}): the v3 layout with one
 * {@code matrix} group (features in {@code matrix/features}) and the v2 layout with one group per genome
 * ({@code genes}, {@code gene_names}). Both store genes × cells column by column, so each pointer range is a cell.
 */
final class CellRangerH5Reader implements CellSource {

    private final Path file;
    private final HdfFile hdf;
    private final Group matrix;
    private final List<String> cells;
    private final List<String> genes;
    private final List<String> warnings = new ArrayList<>();
    private final String layout;

    private CellRangerH5Reader(Path file, HdfFile hdf, Group matrix, boolean v3) {
        this.file = file;
        this.hdf = hdf;
        this.matrix = matrix;
        this.layout = v3 ? "v3" : "v2, genome " + matrix.getName();
        cells = List.of(H5adReader.strings(dataset(matrix, "barcodes").getData()));
        List<String> ids;
        List<String> symbols;
        if (v3) {
            Group features = (Group) matrix.getChild("features");
            ids = List.of(H5adReader.strings(dataset(features, "id").getData()));
            symbols = List.of(H5adReader.strings(dataset(features, "name").getData()));
        } else {
            ids = List.of(H5adReader.strings(dataset(matrix, "genes").getData()));
            symbols = matrix.getChildren().containsKey("gene_names")
                    ? List.of(H5adReader.strings(dataset(matrix, "gene_names").getData())) : ids;
        }
        genes = MatrixMarketReader.uniqueNames(file, ids, symbols, warnings);
        int duplicate = Names.firstDuplicate(cells);
        if (duplicate >= 0) {
            throw new DataFormatException(file, "duplicate barcode \"" + cells.get(duplicate) + "\"");
        }
        warnings.add("orientation GENES_BY_SAMPLES: Cell Ranger stores genes × cells");
    }

    /** True when the file has Cell Ranger's layout rather than AnnData's. */
    static boolean looksLikeCellRanger(HdfFile hdf) {
        return genomeGroup(hdf) != null;
    }

    private static Group genomeGroup(HdfFile hdf) {
        if (hdf.getChildren().get("matrix") instanceof Group v3 && v3.getChildren().containsKey("barcodes")) {
            return v3;
        }
        if (hdf.getChildren().containsKey("X") || hdf.getChildren().containsKey("obs")) {
            return null;
        }
        for (Node child : hdf.getChildren().values()) {
            if (child instanceof Group genome && genome.getChildren().containsKey("barcodes")
                    && genome.getChildren().containsKey("genes")) {
                return genome;
            }
        }
        return null;
    }

    static CellRangerH5Reader open(Path file, HdfFile hdf) {
        Group matrix = genomeGroup(hdf);
        try {
            CellRangerH5Reader reader = new CellRangerH5Reader(file, hdf, matrix, matrix.getName().equals("matrix")
                    && matrix.getChildren().containsKey("features"));
            long genomes = hdf.getChildren().values().stream().filter(n -> n instanceof Group g
                    && g.getChildren().containsKey("barcodes")).count();
            if (genomes > 1) {
                reader.warnings.add("the file holds " + genomes + " genomes; only \"" + matrix.getName()
                        + "\" was read");
            }
            return reader;
        } catch (HdfException | ClassCastException | IllegalArgumentException e) {
            throw new DataFormatException(file, "not a readable Cell Ranger matrix: " + e.getMessage(), e);
        }
    }

    private Dataset dataset(Group group, String name) {
        if (!(group.getChildren().get(name) instanceof Dataset dataset)) {
            throw new DataFormatException(file, "the Cell Ranger matrix has no " + group.getPath() + name);
        }
        return dataset;
    }

    @Override
    public List<String> cellIds() {
        return cells;
    }

    @Override
    public List<String> geneNames() {
        return genes;
    }

    @Override
    public Map<String, List<String>> cellColumns() {
        return Map.of();
    }

    @Override
    public String format() {
        return "Cell Ranger HDF5 matrix (" + layout + ")";
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void stream(CellSink sink, LoadProgress progress) {
        HdfSparse.stream(file, matrix.getPath(), dataset(matrix, "data"), dataset(matrix, "indices"),
                dataset(matrix, "indptr"), true, cells.size(), genes.size(), sink, progress);
    }

    @Override
    public void close() {
        HdfFiles.close(hdf);
    }
}

package org.cardiacrnn.data;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

import org.cardiacrnn.WorkbenchException;

/**
 * Opens an AnnData {@code .h5ad} file through jHDF for streaming: {@code X} (or {@code layers/NAME} or
 * {@code raw/X}) dense, CSR or CSC; {@code obs} columns in every encoding anndata has used (numbers, strings,
 * categoricals as codes + categories group or with the old {@code __categories} group, nullable values with a
 * mask) and the {@code var} index or a named {@code var} column as gene names. The values are read a slice at a
 * time by {@link #stream}.
 */
final class H5adReader implements CellSource {

    private static final int DENSE_ROWS = 256;

    private final Path file;
    private final HdfFile hdf;
    private final Node x;
    private final String xPath;
    private final List<String> cells;
    private final List<String> genes;
    private final Map<String, List<String>> columns;
    private final Map<String, List<String>> varColumns;
    private final List<String> warnings = new ArrayList<>();
    private final String encoding;

    private H5adReader(Path file, HdfFile hdf, String layer, String varNames) {
        this.file = file;
        this.hdf = hdf;
        String varGroup = "var";
        if (layer == null) {
            xPath = "X";
        } else if (layer.equals("raw") || layer.equals("raw/X")) {
            xPath = "raw/X";
            varGroup = "raw/var";
        } else {
            xPath = "layers/" + layer;
        }
        x = node(hdf, xPath);
        if (x == null) {
            throw new DataFormatException(file, layer == null
                    ? "the AnnData file has no X matrix (the expression values)"
                    : "the AnnData file has no " + xPath + "; its layers are " + layerNames(hdf));
        }
        cells = index(hdf, "obs");
        List<String> varIndex = index(hdf, varGroup);
        varColumns = columns(hdf, varGroup, varIndex.size());
        genes = varNames == null || varNames.equals(indexName((Group) hdf.getChild(varGroup)))
                ? varIndex : namedGenes(varGroup, varNames, varIndex);
        columns = columns(hdf, "obs", cells.size());
        encoding = encoding();
        warnings.add("orientation SAMPLES_BY_GENES: AnnData stores cells × genes");
    }

    /**
     * Reads the names and annotations of an open file; closing the reader closes the file.
     *
     * @param varNames the {@code var} column holding gene names, or null for the {@code var} index
     */
    static H5adReader open(Path file, HdfFile hdf, String layer, String varNames) {
        try {
            return new H5adReader(file, hdf, layer, varNames);
        } catch (HdfException | ClassCastException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new DataFormatException(file, "not a readable AnnData file: " + e.getMessage(), e);
        } catch (WorkbenchException explained) {
            throw explained;
        } catch (RuntimeException damaged) {
            // jHDF meets a damaged file with whatever its arithmetic throws (found by fuzzing): no parser of an
            // untrusted binary file can promise a type, so anything here means the file is damaged.
            throw new DataFormatException(file, "not a readable AnnData file: it looks damaged or is not HDF5 ("
                    + damaged.getClass().getSimpleName() + ")", damaged);
        }
    }

    private static Node node(HdfFile hdf, String path) {
        Node current = hdf;
        for (String part : path.split("/")) {
            if (!(current instanceof Group group) || !group.getChildren().containsKey(part)) {
                return null;
            }
            current = group.getChildren().get(part);
        }
        return current;
    }

    /**
     * Gene names from a var column. Symbols repeat in real files (10x lists some twice) and categoricals can be
     * missing, so repeats get "-1", "-2" … as anndata's var_names_make_unique gives them and a missing name falls
     * back to the index; both are counted in the load warnings.
     */
    private List<String> namedGenes(String varGroup, String column, List<String> varIndex) {
        List<String> values = varColumns.get(column);
        if (values == null) {
            List<String> choices = new ArrayList<>(varColumns.keySet());
            choices.add(0, indexName((Group) hdf.getChild(varGroup)));
            throw new DataFormatException(file, varGroup + " has no column \"" + column + "\" to take gene names "
                    + "from; its columns are " + String.join(", ", choices));
        }
        List<String> names = new ArrayList<>(values.size());
        java.util.Set<String> used = new java.util.HashSet<>(values.size() * 2);
        Map<String, Integer> nextSuffix = new java.util.HashMap<>();
        int missing = 0;
        int renamed = 0;
        for (int g = 0; g < values.size(); g++) {
            String name = values.get(g);
            if (name.isEmpty()) {
                name = varIndex.get(g);
                missing++;
            }
            if (!used.add(name)) {
                int suffix = nextSuffix.getOrDefault(name, 1);
                while (!used.add(name + "-" + suffix)) {
                    suffix++;
                }
                nextSuffix.put(name, suffix + 1);
                name = name + "-" + suffix;
                renamed++;
            }
            names.add(name);
        }
        if (missing > 0) {
            warnings.add(missing + " gene(s) without a name in " + varGroup + "/" + column + " keep their index name");
        }
        if (renamed > 0) {
            warnings.add(renamed + " repeated gene name(s) in " + varGroup + "/" + column
                    + " made unique with -1, -2, … as anndata does");
        }
        return names;
    }

    private static List<String> layerNames(HdfFile hdf) {
        List<String> names = new ArrayList<>();
        if (hdf.getChildren().get("layers") instanceof Group layers) {
            names.addAll(layers.getChildren().keySet());
        }
        if (node(hdf, "raw/X") != null) {
            names.add("raw");
        }
        return names;
    }

    private String encoding() {
        if (x instanceof Dataset) {
            return "dense";
        }
        Group group = (Group) x;
        String type = text(group.getAttribute("encoding-type"));
        if (type == null) {
            String h5sparse = text(group.getAttribute("h5sparse_format"));
            type = h5sparse != null ? h5sparse + "_matrix" : "csr_matrix";
        }
        if (!type.equals("csr_matrix") && !type.equals("csc_matrix")) {
            throw new DataFormatException(file, xPath + " has the encoding \"" + type + "\", which is not supported "
                    + "(supported: dense array, csr_matrix, csc_matrix)");
        }
        for (String part : new String[] {"data", "indices", "indptr"}) {
            if (!(group.getChildren().get(part) instanceof Dataset)) {
                throw new DataFormatException(file, xPath + " (" + type + ") has no " + part + " array");
            }
        }
        return type;
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
        return columns;
    }

    @Override
    public String format() {
        String layout = encoding.equals("dense") ? "dense"
                : "sparse " + encoding.substring(0, 3).toUpperCase(java.util.Locale.ROOT);
        return "AnnData .h5ad (" + layout + " " + xPath + ")";
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public List<String> geneNameColumns() {
        return List.copyOf(varColumns.keySet());
    }

    @Override
    public void stream(CellSink sink, LoadProgress progress) {
        if (x instanceof Dataset dense) {
            streamDense(dense, sink, progress);
            return;
        }
        Group group = (Group) x;
        HdfSparse.stream(file, xPath, (Dataset) group.getChild("data"), (Dataset) group.getChild("indices"),
                (Dataset) group.getChild("indptr"), encoding.startsWith("csr"), cells.size(), genes.size(), sink,
                progress);
    }

    private void streamDense(Dataset dense, CellSink sink, LoadProgress progress) {
        int[] dims = dense.getDimensions();
        if (dims.length != 2 || dims[0] != cells.size() || dims[1] != genes.size()) {
            throw new DataFormatException(file, xPath + " has shape " + java.util.Arrays.toString(dims) + " but obs "
                    + "lists " + cells.size() + " cells and var " + genes.size() + " genes");
        }
        long bytesPerCell = Math.max(1, dense.getStorageInBytes() / Math.max(1, cells.size()));
        HdfSlices slices = new HdfSlices(dense);
        for (int from = 0; from < dims[0]; from += DENSE_ROWS) {
            CellSource.checkCancelled();
            int rows = Math.min(DENSE_ROWS, dims[0] - from);
            float[][] block;
            try {
                block = slices.rows(from, rows);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw HdfSparse.damaged(file, xPath, e);
            }
            for (int r = 0; r < rows; r++) {
                float[] row = block[r];
                for (int g = 0; g < row.length; g++) {
                    if (row[g] != 0) {
                        sink.add(from + r, g, row[g]);
                    }
                }
            }
            progress.progress(from + rows, dims[0], (from + rows) * bytesPerCell);
        }
    }

    @Override
    public void close() {
        HdfFiles.close(hdf);
    }

    private List<String> index(HdfFile hdf, String groupName) {
        Node node = node(hdf, groupName);
        if (!(node instanceof Group group)) {
            throw new DataFormatException(file, "the AnnData file has no " + groupName + " group");
        }
        String name = indexName(group);
        Node index = group.getChildren().get(name);
        if (!(index instanceof Dataset dataset)) {
            throw new DataFormatException(file, "the AnnData " + groupName + " group has no index (" + name + ")");
        }
        List<String> names = List.of(strings(dataset.getData()));
        int duplicate = Names.firstDuplicate(names);
        if (duplicate >= 0) {
            throw new DataFormatException(file, "duplicate " + ("obs".equals(groupName) ? "cell id" : "gene name")
                    + " \"" + names.get(duplicate) + "\" in " + groupName + "/" + name);
        }
        return names;
    }

    private static String indexName(Group group) {
        String name = text(group.getAttribute("_index"));
        return name == null ? "_index" : name;
    }

    /** The columns of the obs or var data frame, by name, in the file's column order. */
    private static Map<String, List<String>> columns(HdfFile hdf, String groupName, int rows) {
        Group obs = (Group) node(hdf, groupName);
        String index = indexName(obs);
        Attribute order = obs.getAttribute("column-order");
        List<String> names = new ArrayList<>();
        if (order != null && order.getData() != null && order.getData().getClass().isArray()) {
            names.addAll(List.of(strings(order.getData())));
        }
        obs.getChildren().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        Node oldCategories = obs.getChildren().get("__categories");
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String name : names) {
            Node node = obs.getChildren().get(name);
            if (node == null || name.equals(index) || name.equals("__categories")) {
                continue;
            }
            List<String> values;
            if (node instanceof Group group && group.getChildren().get("codes") instanceof Dataset codes
                    && group.getChildren().get("categories") instanceof Dataset categories) {
                values = decode(codes.getData(), strings(categories.getData()));
            } else if (node instanceof Group group && group.getChildren().get("values") instanceof Dataset data) {
                values = masked(texts(data.getData()), group.getChildren().get("mask"));
            } else if (node instanceof Dataset dataset && oldCategories instanceof Group categories
                    && categories.getChildren().get(name) instanceof Dataset categoryNames) {
                values = decode(dataset.getData(), strings(categoryNames.getData()));
            } else if (node instanceof Dataset dataset && dataset.getDimensions().length == 1) {
                values = texts(dataset.getData());
            } else {
                continue;
            }
            if (values.size() == rows) {
                result.put(name, values);
            }
        }
        return result;
    }

    private static List<String> masked(List<String> values, Node mask) {
        if (!(mask instanceof Dataset maskData)) {
            return values;
        }
        Object flags = maskData.getData();
        List<String> out = new ArrayList<>(values);
        for (int i = 0; i < out.size(); i++) {
            Object flag = Array.get(flags, i);
            if (flag instanceof Boolean b ? b : ((Number) flag).intValue() != 0) {
                out.set(i, "");
            }
        }
        return out;
    }

    private static String text(Attribute attribute) {
        if (attribute == null || attribute.getData() == null) {
            return null;
        }
        Object data = attribute.getData();
        return data.getClass().isArray() ? (Array.getLength(data) == 0 ? null : String.valueOf(Array.get(data, 0)))
                : String.valueOf(data);
    }

    private static List<String> decode(Object codes, String[] categories) {
        int[] numbers = HdfSparse.ints(codes);
        List<String> values = new ArrayList<>(numbers.length);
        for (int code : numbers) {
            values.add(code < 0 || code >= categories.length ? "" : categories[code]);
        }
        return values;
    }

    private static List<String> texts(Object data) {
        if (data instanceof String[] strings) {
            return java.util.Arrays.asList(strings);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < Array.getLength(data); i++) {
            Object v = Array.get(data, i);
            values.add(v instanceof Boolean || v instanceof String ? v.toString() : number(v));
        }
        return values;
    }

    private static String number(Object v) {
        double d = ((Number) v).doubleValue();
        return Double.isNaN(d) ? "" : d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : Double.toString(d);
    }

    static String[] strings(Object data) {
        if (data instanceof String[] strings) {
            return strings;
        }
        String[] out = new String[Array.getLength(data)];
        for (int i = 0; i < out.length; i++) {
            out[i] = String.valueOf(Array.get(data, i));
        }
        return out;
    }
}

package org.cardiacrnn.data;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

import org.cardiacrnn.WorkbenchException;

/**
 * Reads an AnnData {@code .h5ad} file through jHDF: {@code X} dense or sparse (CSR/CSC group with data,
 * indices, indptr), {@code obs} columns (numbers, text and categoricals in both the old {@code __categories}
 * layout and the newer codes/categories group) and the {@code var} index as gene names.
 */
final class H5adReader {

    private H5adReader() {
    }

    static MatrixRead read(Path file) {
        InputFiles.requireReadableFile(file);
        try (HdfFile hdf = new HdfFile(file)) {
            Node x = hdf.getChildren().get("X");
            if (x == null) {
                throw new DataFormatException(file, "the AnnData file has no X matrix (the expression values)");
            }
            List<String> cells = index(file, hdf, "obs");
            List<String> genes = index(file, hdf, "var");
            float[] values = x instanceof Dataset dense ? dense(file, dense, cells.size(), genes.size())
                    : sparse(file, (Group) x, cells.size(), genes.size());
            List<SampleMetadata.Column> columns = obsColumns(hdf, cells.size());
            return new MatrixRead(new ExpressionMatrix(values, cells, genes), columns, Orientation.SAMPLES_BY_GENES,
                    false, "AnnData .h5ad (" + (x instanceof Dataset ? "dense" : "sparse") + " X)", new ArrayList<>(
                    List.of("orientation SAMPLES_BY_GENES: AnnData stores cells × genes")));
        } catch (HdfException | ClassCastException | IllegalArgumentException e) {
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

    private static List<String> index(Path file, HdfFile hdf, String groupName) {
        Node node = hdf.getChildren().get(groupName);
        if (!(node instanceof Group group)) {
            throw new DataFormatException(file, "the AnnData file has no " + groupName + " group");
        }
        Attribute indexName = group.getAttribute("_index");
        String name = indexName == null ? "_index" : String.valueOf(indexName.getData());
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

    private static float[] dense(Path file, Dataset x, int cells, int genes) {
        int[] dims = x.getDimensions();
        if (dims.length != 2 || dims[0] != cells || dims[1] != genes) {
            throw new DataFormatException(file, "X has shape " + java.util.Arrays.toString(dims) + " but obs lists "
                    + cells + " cells and var " + genes + " genes");
        }
        Object rows = x.getData();
        float[] values = new float[denseSize(file, cells, genes)];
        for (int c = 0; c < cells; c++) {
            double[] row = numbers(Array.get(rows, c));
            for (int g = 0; g < genes; g++) {
                values[c * genes + g] = (float) row[g];
            }
        }
        return values;
    }

    private static float[] sparse(Path file, Group x, int cells, int genes) {
        Attribute encodingAttribute = x.getAttribute("encoding-type");
        Attribute formatAttribute = x.getAttribute("h5sparse_format");
        String encoding = encodingAttribute != null ? String.valueOf(encodingAttribute.getData())
                : formatAttribute != null ? String.valueOf(formatAttribute.getData()) + "_matrix" : "csr_matrix";
        boolean csr = encoding.startsWith("csr");
        if (!csr && !encoding.startsWith("csc")) {
            throw new DataFormatException(file, "X has an unsupported encoding \"" + encoding + "\"");
        }
        double[] data = numbers(((Dataset) x.getChild("data")).getData());
        double[] indices = numbers(((Dataset) x.getChild("indices")).getData());
        double[] pointers = numbers(((Dataset) x.getChild("indptr")).getData());
        int outer = csr ? cells : genes;
        int inner = csr ? genes : cells;
        if (pointers.length != outer + 1 || pointers[outer] != data.length || indices.length != data.length) {
            throw new DataFormatException(file, "X (" + encoding + ") has indptr/indices/data arrays that do not fit "
                    + cells + " cells × " + genes + " genes");
        }
        float[] values = new float[denseSize(file, cells, genes)];
        for (int o = 0; o < outer; o++) {
            if (pointers[o] < 0 || pointers[o] > pointers[o + 1] || pointers[o + 1] > data.length) {
                throw new DataFormatException(file, "X (" + encoding + ") has indptr values that do not rise from 0 "
                        + "to " + data.length + " (at position " + o + ")");
            }
            for (int k = (int) pointers[o]; k < (int) pointers[o + 1]; k++) {
                int i = (int) indices[k];
                if (i < 0 || i >= inner) {
                    throw new DataFormatException(file, "X has an index " + i + " outside 0…" + (inner - 1));
                }
                values[csr ? o * genes + i : i * genes + o] = (float) data[k];
            }
        }
        return values;
    }

    private static int denseSize(Path file, int cells, int genes) {
        long size = (long) cells * genes;
        if (size > FloatStore.MAX_ARRAY) {
            throw new DataFormatException(file, "the dense matrix would hold " + size + " values, too many to hold "
                    + "in memory as one table");
        }
        return (int) size;
    }

    private static List<SampleMetadata.Column> obsColumns(HdfFile hdf, int cells) {
        Group obs = (Group) hdf.getChild("obs");
        Attribute indexName = obs.getAttribute("_index");
        String index = indexName == null ? "_index" : String.valueOf(indexName.getData());
        Attribute order = obs.getAttribute("column-order");
        List<String> names = new ArrayList<>();
        if (order != null && order.getData() != null && order.getData().getClass().isArray()) {
            names.addAll(List.of(strings(order.getData())));
        } else {
            names.addAll(obs.getChildren().keySet());
        }
        Node oldCategories = obs.getChildren().get("__categories");
        List<SampleMetadata.Column> columns = new ArrayList<>();
        for (String name : names) {
            Node node = obs.getChildren().get(name);
            if (node == null || name.equals(index) || name.equals("__categories")) {
                continue;
            }
            List<String> values;
            if (node instanceof Group categorical) {
                values = decode(((Dataset) categorical.getChild("codes")).getData(),
                        strings(((Dataset) categorical.getChild("categories")).getData()));
            } else if (oldCategories instanceof Group categories && categories.getChildren().containsKey(name)) {
                values = decode(((Dataset) node).getData(),
                        strings(((Dataset) categories.getChild(name)).getData()));
            } else {
                values = texts(((Dataset) node).getData());
            }
            if (values.size() == cells) {
                columns.add(SampleMetadata.Column.of(name, values));
            }
        }
        return columns;
    }

    private static List<String> decode(Object codes, String[] categories) {
        double[] numbers = numbers(codes);
        List<String> values = new ArrayList<>(numbers.length);
        for (double code : numbers) {
            if (code >= categories.length) {
                throw new IllegalArgumentException("a categorical code " + (long) code + " has no category (there "
                        + "are " + categories.length + ")");
            }
            values.add(code < 0 ? "" : categories[(int) code]);
        }
        return values;
    }

    private static List<String> texts(Object data) {
        if (data instanceof String[] strings) {
            return List.of(strings);
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

    private static String[] strings(Object data) {
        if (data instanceof String[] strings) {
            return strings;
        }
        String[] out = new String[Array.getLength(data)];
        for (int i = 0; i < out.length; i++) {
            out[i] = String.valueOf(Array.get(data, i));
        }
        return out;
    }

    private static double[] numbers(Object data) {
        double[] out = new double[Array.getLength(data)];
        for (int i = 0; i < out.length; i++) {
            Object v = Array.get(data, i);
            out[i] = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
        }
        return out;
    }
}

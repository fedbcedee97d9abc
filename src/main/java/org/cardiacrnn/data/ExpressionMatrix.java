package org.cardiacrnn.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expression values as samples × genes, float32, in one contiguous row-major array
 * ({@code values[sample * geneCount + gene]}). Sample ids and gene names are kept in order.
 * The array is owned by the matrix: callers must not modify what {@link #values()} returns.
 */
public final class ExpressionMatrix {

    private final float[] values;
    private final List<String> sampleIds;
    private final List<String> geneNames;
    private volatile Map<String, Integer> geneIndexByName;
    /** Whether every present value is a whole non-negative number; found once, on first use. */
    private volatile Boolean holdsCounts;

    public ExpressionMatrix(float[] values, List<String> sampleIds, List<String> geneNames) {
        if ((long) sampleIds.size() * geneNames.size() != values.length) {
            throw new IllegalArgumentException("values hold " + values.length + " numbers, but "
                    + sampleIds.size() + " samples × " + geneNames.size() + " genes were named");
        }
        this.values = values;
        this.sampleIds = List.copyOf(sampleIds);
        this.geneNames = List.copyOf(geneNames);
    }

    public int sampleCount() {
        return sampleIds.size();
    }

    public int geneCount() {
        return geneNames.size();
    }

    public List<String> sampleIds() {
        return sampleIds;
    }

    public List<String> geneNames() {
        return geneNames;
    }

    public float get(int sample, int gene) {
        return values[sample * geneNames.size() + gene];
    }

    /** The backing row-major array; read only. */
    public float[] values() {
        return values;
    }

    /** A copy of one sample's expression across all genes. */
    public float[] sampleRow(int sample) {
        float[] row = new float[geneCount()];
        System.arraycopy(values, sample * geneCount(), row, 0, row.length);
        return row;
    }

    /** One gene's values across all samples. */
    public float[] geneColumn(int gene) {
        int genes = geneCount();
        float[] column = new float[sampleCount()];
        for (int s = 0; s < column.length; s++) {
            column[s] = values[s * genes + gene];
        }
        return column;
    }

    /** Index of a gene by exact name, or -1. */
    /**
     * True when every present value is a non-negative whole number. Scanning an atlas-sized pseudobulk matrix takes
     * tens of milliseconds, so the answer is kept: a loader can find it in the background and the pages that take
     * the new dataset on the UI thread then ask for free.
     */
    public boolean holdsCounts() {
        Boolean counts = holdsCounts;
        if (counts == null) {
            counts = true;
            for (float value : values) {
                if (!Float.isNaN(value) && (value < 0 || value != Math.rint(value))) {
                    counts = false;
                    break;
                }
            }
            holdsCounts = counts;
        }
        return counts;
    }

    public int geneIndex(String name) {
        Map<String, Integer> index = geneIndexByName;
        if (index == null) {
            index = new HashMap<>(geneNames.size() * 2);
            for (int g = 0; g < geneNames.size(); g++) {
                index.putIfAbsent(geneNames.get(g), g);
            }
            geneIndexByName = index;
        }
        return index.getOrDefault(name, -1);
    }

    /** A new matrix holding the given samples, in the given order. */
    public ExpressionMatrix selectSamples(int[] samples) {
        int genes = geneCount();
        float[] selected = new float[samples.length * genes];
        String[] ids = new String[samples.length];
        for (int i = 0; i < samples.length; i++) {
            System.arraycopy(values, samples[i] * genes, selected, i * genes, genes);
            ids[i] = sampleIds.get(samples[i]);
        }
        return new ExpressionMatrix(selected, List.of(ids), geneNames);
    }

    /** A new matrix holding the given genes, in the given order. */
    public ExpressionMatrix selectGenes(int[] genes) {
        int oldGenes = geneCount();
        int samples = sampleCount();
        float[] selected = new float[samples * genes.length];
        String[] names = new String[genes.length];
        for (int j = 0; j < genes.length; j++) {
            names[j] = geneNames.get(genes[j]);
        }
        for (int s = 0; s < samples; s++) {
            int from = s * oldGenes;
            int to = s * genes.length;
            for (int j = 0; j < genes.length; j++) {
                selected[to + j] = values[from + genes[j]];
            }
        }
        return new ExpressionMatrix(selected, sampleIds, List.of(names));
    }
}

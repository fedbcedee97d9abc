package org.cardiacrnn.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Annotations of the samples (time, trajectory, donor, pseudotime…), one row per sample in the same
 * order as the matrix's samples. Each column keeps its text values; a column whose non-empty values
 * all parse as numbers is {@link ColumnType#NUMERIC} and also offers them as doubles.
 */
public final class SampleMetadata {

    /** How a column's values are to be read. */
    public enum ColumnType { NUMERIC, CATEGORICAL }

    /** One annotation column. Missing values are empty strings (text) and NaN (numbers). */
    public record Column(String name, ColumnType type, List<String> values, double[] numbers) {

        public Column {
            values = List.copyOf(values);
        }

        /** Builds a column from text, typing it numeric when every non-empty value is a number. */
        public static Column of(String name, List<String> values) {
            double[] numbers = new double[values.size()];
            boolean numeric = true;
            boolean anyValue = false;
            for (int i = 0; i < numbers.length; i++) {
                String text = values.get(i) == null ? "" : values.get(i).trim();
                if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
                    numbers[i] = Double.NaN;
                    continue;
                }
                anyValue = true;
                try {
                    numbers[i] = Double.parseDouble(text);
                } catch (NumberFormatException notNumber) {
                    numeric = false;
                    break;
                }
            }
            List<String> cleaned = new ArrayList<>(values.size());
            for (String v : values) {
                cleaned.add(v == null ? "" : v);
            }
            return numeric && anyValue
                    ? new Column(name, ColumnType.NUMERIC, cleaned, numbers)
                    : new Column(name, ColumnType.CATEGORICAL, cleaned, null);
        }

        public boolean isNumeric() {
            return type == ColumnType.NUMERIC;
        }

        /** Distinct values in first-seen order. */
        public List<String> distinctValues() {
            return List.copyOf(new java.util.LinkedHashSet<>(values));
        }
    }

    private final List<String> sampleIds;
    private final Map<String, Column> columns;

    public SampleMetadata(List<String> sampleIds, List<Column> columns) {
        this.sampleIds = List.copyOf(sampleIds);
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column column : columns) {
            if (column.values().size() != sampleIds.size()) {
                throw new IllegalArgumentException("column " + column.name() + " has " + column.values().size()
                        + " values for " + sampleIds.size() + " samples");
            }
            byName.put(column.name(), column);
        }
        this.columns = Collections.unmodifiableMap(byName);
    }

    /** Metadata with no columns for the given samples. */
    public static SampleMetadata empty(List<String> sampleIds) {
        return new SampleMetadata(sampleIds, List.of());
    }

    public List<String> sampleIds() {
        return sampleIds;
    }

    public Set<String> columnNames() {
        return columns.keySet();
    }

    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /** The named column; fails with a message listing the columns that exist. */
    public Column column(String name) {
        Column column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("no metadata column \"" + name + "\"; columns are " + columns.keySet());
        }
        return column;
    }

    /** Rows in the given order. */
    public SampleMetadata selectSamples(int[] samples) {
        List<String> ids = new ArrayList<>(samples.length);
        for (int s : samples) {
            ids.add(sampleIds.get(s));
        }
        List<Column> selected = new ArrayList<>();
        for (Column c : columns.values()) {
            List<String> values = new ArrayList<>(samples.length);
            for (int s : samples) {
                values.add(c.values().get(s));
            }
            selected.add(Column.of(c.name(), values));
        }
        return new SampleMetadata(ids, selected);
    }
}

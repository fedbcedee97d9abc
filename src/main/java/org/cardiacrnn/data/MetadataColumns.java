package org.cardiacrnn.data;

import java.nio.file.Path;

/** Checks later stages use before relying on a metadata column, failing with a message naming the column. */
public final class MetadataColumns {

    private MetadataColumns() {
    }

    /**
     * The named column's values as numbers (NaN where missing); text times such as {@code day7} or {@code 12h}
     * are read by {@link TimeText}.
     *
     * @param source the file the metadata came from, for the message (may be null)
     * @throws DataFormatException when the column is absent or holds a value that is not a number
     */
    public static double[] requireNumeric(SampleMetadata metadata, String column, Path source) {
        if (!metadata.hasColumn(column)) {
            throw new DataFormatException(source, "no metadata column \"" + column + "\"; columns are "
                    + metadata.columnNames());
        }
        SampleMetadata.Column values = metadata.column(column);
        if (!values.isNumeric()) {
            java.util.Optional<TimeText.Reading> time = TimeText.read(values.values());
            if (time.isPresent()) {
                return time.get().numbers();
            }
            String offending = values.values().stream().filter(v -> !DelimitedLayout.isNumberLike(v)).findFirst()
                    .orElse("");
            int row = values.values().indexOf(offending);
            throw new DataFormatException(source, "column \"" + column + "\" must hold numbers, but sample \""
                    + metadata.sampleIds().get(Math.max(row, 0)) + "\" has \"" + offending + "\"");
        }
        return values.numbers().clone();
    }
}

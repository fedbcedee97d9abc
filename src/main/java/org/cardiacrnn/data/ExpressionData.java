package org.cardiacrnn.data;

import java.util.List;

/**
 * A loaded dataset: the matrix, its sample annotations (same sample order) and what the loader did.
 */
public record ExpressionData(ExpressionMatrix matrix, SampleMetadata metadata, LoadReport report) {

    public ExpressionData {
        if (!matrix.sampleIds().equals(metadata.sampleIds())) {
            throw new IllegalArgumentException("metadata rows are not in the matrix's sample order");
        }
    }

    /**
     * What the loader decided and noticed, so the user can check it: the source, the format, the
     * orientation used (and whether it was detected or forced) and warnings such as NaN handling.
     */
    public record LoadReport(String source, String format, Orientation orientation, boolean orientationDetected,
                             List<String> warnings) {
        public LoadReport {
            warnings = List.copyOf(warnings);
        }
    }
}

package org.cardiacrnn.data;

import java.util.List;

/**
 * How a separate metadata table matched the matrix's samples.
 *
 * @param idColumn                  the metadata column used as sample id
 * @param matchedSamples            matrix samples that found a metadata row
 * @param samplesWithoutMetadata    matrix sample ids with no metadata row (their annotations are empty)
 * @param metadataRowsWithoutSample metadata ids that name no sample of the matrix (ignored)
 * @param duplicateIds              ids that occur on more than one metadata row (the first row is used)
 */
public record JoinReport(String idColumn, int matchedSamples, List<String> samplesWithoutMetadata,
                         List<String> metadataRowsWithoutSample, List<String> duplicateIds) {

    public JoinReport {
        samplesWithoutMetadata = List.copyOf(samplesWithoutMetadata);
        metadataRowsWithoutSample = List.copyOf(metadataRowsWithoutSample);
        duplicateIds = List.copyOf(duplicateIds);
    }

    /** True when every sample has exactly one metadata row and every row names a sample. */
    public boolean isComplete() {
        return samplesWithoutMetadata.isEmpty() && metadataRowsWithoutSample.isEmpty() && duplicateIds.isEmpty();
    }
}

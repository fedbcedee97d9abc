package org.cardiacrnn.data;

import java.util.Optional;

/**
 * A loaded dataset plus the report of the metadata join, when a separate metadata table was given, and of the
 * pseudobulk aggregation, when cells were aggregated.
 */
public record LoadResult(ExpressionData data, Optional<JoinReport> join, Optional<SingleCellReport> singleCell) {

    public LoadResult(ExpressionData data, Optional<JoinReport> join) {
        this(data, join, Optional.empty());
    }
}

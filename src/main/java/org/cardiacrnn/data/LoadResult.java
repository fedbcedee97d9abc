package org.cardiacrnn.data;

import java.util.Optional;

/** A loaded dataset plus the report of the metadata join, when a separate metadata table was given. */
public record LoadResult(ExpressionData data, Optional<JoinReport> join) {
}

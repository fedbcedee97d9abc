package org.cardiacrnn.data;

import java.util.List;

/** What a format reader produced, before name files, annotations and metadata are applied. */
record MatrixRead(ExpressionMatrix matrix, List<SampleMetadata.Column> columns, Orientation orientation,
                  boolean orientationDetected, String format, List<String> warnings) {
}

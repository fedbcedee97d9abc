package org.cardiacrnn.sequences;

import java.util.List;
import java.util.Locale;

import org.cardiacrnn.data.SampleMetadata;

/**
 * Which metadata column plays which part. The guess follows the names researchers use; the user can
 * change every role on the Data page.
 */
public record ColumnRoles(String time, String label, String group) {

    private static final List<String> TIME_NAMES = List.of("day", "days", "time", "hour", "hours", "timepoint",
            "time_point", "pseudotime", "stage");
    private static final List<String> LABEL_NAMES = List.of("trajectory", "lineage", "label", "cell_type", "celltype",
            "fate", "class", "condition", "cluster");
    private static final List<String> GROUP_NAMES = List.of("donor", "individual", "cell_line", "line", "group",
            "batch", "replicate", "sample_group");

    /** The best guess for each role, or null where no column fits. */
    public static ColumnRoles guess(SampleMetadata metadata) {
        String time = firstNamed(metadata, TIME_NAMES, true);
        String label = firstNamed(metadata, LABEL_NAMES, false);
        String group = firstNamed(metadata, GROUP_NAMES, false);
        if (label == null) {
            // Without a lineage column the natural class is the sampling time point (e.g. hours).
            label = metadata.columns().stream()
                    .filter(c -> c.distinctValues().size() > 1 && c.distinctValues().size() <= 20)
                    .map(SampleMetadata.Column::name)
                    .findFirst().orElse(null);
        }
        return new ColumnRoles(time, label, group);
    }

    private static String firstNamed(SampleMetadata metadata, List<String> names, boolean numeric) {
        for (String wanted : names) {
            for (SampleMetadata.Column column : metadata.columns()) {
                if (column.name().toLowerCase(Locale.ROOT).equals(wanted) && (!numeric || column.isNumeric())) {
                    return column.name();
                }
            }
        }
        return null;
    }
}

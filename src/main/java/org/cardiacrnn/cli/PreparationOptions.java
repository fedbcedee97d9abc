package org.cardiacrnn.cli;

import java.util.Locale;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.SampleMetadata;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.cardiacrnn.sequences.ColumnRoles;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.SequenceConfig;
import org.cardiacrnn.sequences.SplitConfig;

import picocli.CommandLine.Option;

/** How samples become sequences and splits: the protocol, the column roles, and the settings to change. */
final class PreparationOptions {

    @Option(names = "--protocol", paramLabel = "NAME", defaultValue = "leakage-free",
            description = "methodology (published: random 80/20 split of overlapping windows, test = validation) or "
                    + "leakage-free (whole donors or time blocks per split, own validation; \"honest\", its former "
                    + "name, is still accepted). Default: ${DEFAULT-VALUE}.")
    String protocol;

    @Option(names = "--time-column", paramLabel = "NAME", description = "Numeric time column (default: guessed, "
            + "e.g. day, hours, pseudotime).")
    String timeColumn;

    @Option(names = "--label-column", paramLabel = "NAME", description = "Class column (default: guessed, "
            + "e.g. trajectory, lineage).")
    String labelColumn;

    @Option(names = "--group-column", paramLabel = "NAME", description = "Donor / replicate column (default: "
            + "guessed, e.g. donor).")
    String groupColumn;

    @Option(names = "--builder", paramLabel = "KIND", description = "sliding-window or time-course.")
    String builder;

    @Option(names = "--window", paramLabel = "STEPS", description = "Window length (default 10).")
    Integer window;

    @Option(names = "--stride", paramLabel = "STEPS", description = "Window stride (default 1).")
    Integer stride;

    @Option(names = "--split", paramLabel = "KIND", description = "random, grouped, stratified or blocked.")
    String split;

    @Option(names = "--missing-values", paramLabel = "HOW", description = "interpolate (along each trajectory, the "
            + "default) or drop-genes (leave out every gene with a missing value among the training samples).")
    String missingValues;

    @Option(names = "--top-genes", paramLabel = "N", description = "Keep the N most variable genes (default 2000; "
            + "0 = all).")
    Integer topGenes;

    @Option(names = "--cpm", negatable = true, description = "Counts-per-million normalisation and log1p before "
            + "scaling (default: on for integer counts).")
    Boolean cpm;

    @Option(names = "--allow-missing-classes", description = "Go on, with a warning, when a split or fold lacks a "
            + "class (AUC and that class's recall cannot then be computed); refused by default.")
    boolean allowMissingClasses;

    /** The recommended preparation for {@code data} ({@link PreparationConfig#recommended}), with the options. */
    PreparationConfig toConfig(ExpressionData data) {
        SampleMetadata metadata = data.metadata();
        ColumnRoles guessed = ColumnRoles.guess(metadata);
        String time = timeColumn != null ? timeColumn : guessed.time();
        String label = labelColumn != null ? labelColumn : guessed.label();
        String group = groupColumn != null ? groupColumn : guessed.group();
        if (time == null || label == null) {
            throw new WorkbenchException("cannot tell which columns hold time and class; name them with "
                    + "--time-column and --label-column (columns are " + metadata.columnNames() + ")");
        }
        PreparationConfig recommended = PreparationConfig.recommended(data, new ColumnRoles(time, label, group));
        PreparationConfig base = switch (protocol.toLowerCase(Locale.ROOT)) {
            case "methodology", "published" -> PreparationConfig.methodology(time, label)
                    .withPreprocessing(recommended.preprocessing());
            case "leakage-free", "honest" -> recommended;
            default -> throw new WorkbenchException("--protocol must be methodology or leakage-free, not \"" + protocol
                    + "\"");
        };
        SequenceConfig sequences = base.sequences();
        SequenceConfig.Builder kind = builder == null ? sequences.builder()
                : SequenceConfig.Builder.valueOf(enumName("--builder", builder, SequenceConfig.Builder.class));
        sequences = new SequenceConfig(kind, window != null ? window : sequences.windowLength(),
                stride != null ? stride : sequences.stride(), sequences.timeColumn(), sequences.labelColumn(),
                sequences.groupColumn(), sequences.missingTimePoints());
        SplitConfig splitConfig = split == null ? base.split()
                : base.split().withKind(SplitConfig.Kind.valueOf(enumName("--split", split, SplitConfig.Kind.class)));
        splitConfig = splitConfig.allowingMissingClasses(allowMissingClasses);
        PreprocessingConfig pre = base.preprocessing();
        boolean normalise = cpm != null ? cpm : pre.log1p();
        PreprocessingConfig.MissingValues missing = missingValues == null ? pre.missingValues()
                : PreprocessingConfig.MissingValues.valueOf(enumName("--missing-values", missingValues,
                        PreprocessingConfig.MissingValues.class));
        pre = new PreprocessingConfig(missing, normalise ? PreprocessingConfig.LibraryNormalisation.CPM
                : PreprocessingConfig.LibraryNormalisation.NONE, normalise, pre.scaling(), pre.clipZ(),
                topGenes != null ? topGenes : pre.topVariableGenes());
        return new PreparationConfig(pre, sequences, splitConfig);
    }

    private static <E extends Enum<E>> String enumName(String option, String text, Class<E> type) {
        String name = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return name;
            }
        }
        throw new WorkbenchException(option + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList() + ", not \"" + text + "\"");
    }
}

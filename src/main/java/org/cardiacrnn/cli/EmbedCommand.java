package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.interpret.Embedder;
import org.cardiacrnn.interpret.EmbeddingFiles;
import org.cardiacrnn.interpret.Pca;
import org.cardiacrnn.interpret.Tsne;
import org.cardiacrnn.runs.SavedRun;
import org.cardiacrnn.sequences.NewDataSequences;
import org.cardiacrnn.sequences.SequenceDataset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The learned sequence representation of a run, for downstream models. */
@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the representation a trained run's classifier reads (the pooled recurrent output, "
                + "2 x hidden units for a BiLSTM) for every sequence of new files: CSV, or .npy with a sidecar "
                + "NAME.rows.csv of row ids. With --map, the 2-D map of those embeddings instead (columns e1, e2).",
                "Example: embed --run RUN_FOLDER samples.csv --out embeddings.npy",
                "         embed --run RUN_FOLDER samples.csv --out map.csv --map tsne"})
final class EmbedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "Run folder (or its model.zip).")
    Path run;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.csv or FILE.npy.")
    Path out;

    @Option(names = "--per-step", description = "The last recurrent layer's state at every time step instead.")
    boolean perStep;

    /** A 2-D projection of the pooled embeddings. */
    enum MapKind { pca, tsne }

    @Option(names = "--map", paramLabel = "pca|tsne", description = "Write each sequence's position on a 2-D map "
            + "of the embeddings instead: its first two principal components, or exact t-SNE (seeded; above "
            + "2,000 sequences a random 2,000 shape the map and the rest join their nearest neighbours).")
    MapKind map;

    @Option(names = "--perplexity", paramLabel = "P", defaultValue = "30", description = "t-SNE perplexity, the "
            + "effective number of neighbours (default: ${DEFAULT-VALUE}; lowered to a third of the sequences when "
            + "there are few).")
    double perplexity;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "t-SNE seed (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Replace existing files (never an input, nor a file in a run or sweep "
            + "folder).")
    boolean overwrite;

    @Override
    public Integer call() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".npy")) {
            throw new WorkbenchException("--out must end in .csv or .npy; got " + out);
        }
        if (map != null && perStep) {
            throw new WorkbenchException("--map draws one point per sequence; it cannot be combined with --per-step");
        }
        Tsne.Settings tsne = map == MapKind.tsne ? new Tsne.Settings(perplexity, 1000, seed) : null;
        OutputGuard.requireWritable(out, true, load.inputsWith(run));
        SavedRun saved = SavedRun.open(run);
        ExpressionData data = ExpressionLoader.load(load.toRequest());
        NewDataSequences sequences = saved.sequences(data);
        sequences.warnings().forEach(warning -> spec.commandLine().getErr().println("note: " + warning));
        SequenceDataset dataset = sequences.dataset();
        Embedder embedder = new Embedder(saved.model().network());
        float[][][] values;
        if (perStep) {
            values = embedder.perStep(dataset);
        } else {
            float[][] pooled = project(embedder.pooled(dataset), tsne);
            values = new float[pooled.length][][];
            for (int i = 0; i < pooled.length; i++) {
                values[i] = new float[][] {pooled[i]};
            }
        }
        List<Path> written = EmbeddingFiles.write(out, ids(dataset, sequences.labelled(), data.matrix().sampleIds()),
                values, perStep, overwrite);
        int units = values.length == 0 || values[0].length == 0 ? 0 : values[0][0].length;
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d sequences x %s%d units to %s%n", values.length,
                perStep ? dataset.timeSteps() + " steps x " : "", units, String.join(", ",
                        written.stream().map(Path::toString).toList()));
        return 0;
    }

    /** The pooled embeddings themselves, or their 2-D map when --map asks for one. */
    private float[][] project(float[][] pooled, Tsne.Settings tsne) {
        if (map == null) {
            return pooled;
        }
        double[][] points;
        if (map == MapKind.pca) {
            points = Pca.project(pooled, 2);
        } else {
            PrintWriter err = spec.commandLine().getErr();
            Tsne.Result result = Tsne.map(pooled, tsne, (done, total) -> {
                if (done % 250 == 0) {
                    err.printf(Locale.ROOT, "t-SNE: iteration %d of %d%n", done, total);
                    err.flush();
                }
            }, () -> false);
            if (result.perplexity() < perplexity) {
                err.printf(Locale.ROOT, "note: perplexity lowered to %.1f for %d sequences%n", result.perplexity(),
                        pooled.length);
            }
            if (result.mapped() < pooled.length) {
                err.printf(Locale.ROOT, "note: a random %d of %d sequences shaped the t-SNE map; the others sit at "
                        + "the mean of their 10 nearest mapped neighbours%n", result.mapped(), pooled.length);
            }
            points = result.points();
        }
        float[][] coordinates = new float[points.length][];
        for (int i = 0; i < points.length; i++) {
            coordinates[i] = new float[] {(float) points[i][0], (float) points[i][1]};
        }
        return coordinates;
    }

    static List<EmbeddingFiles.RowId> ids(SequenceDataset dataset, boolean labelled, List<String> sampleIds) {
        List<EmbeddingFiles.RowId> ids = new ArrayList<>();
        for (int i = 0; i < dataset.sequenceCount(); i++) {
            int[] rows = dataset.sourceRows(i);
            ids.add(new EmbeddingFiles.RowId(dataset.groupIds().get(i),
                    labelled ? dataset.classNames().get(dataset.label(i)) : "",
                    rows.length == 0 ? "" : sampleIds.get(rows[0]),
                    rows.length == 0 ? "" : sampleIds.get(rows[rows.length - 1])));
        }
        return ids;
    }
}

package org.cardiacrnn.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.io.AtomicFiles;
import org.cardiacrnn.runs.RunData;
import org.cardiacrnn.runs.SavedRun;
import org.cardiacrnn.sequences.NewDataSequences;
import org.cardiacrnn.sequences.SequenceDataset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Class probabilities for new data from a trained run. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the class of every sequence in new expression files with a trained run.",
                "Example: predict --run RUN_FOLDER new-samples.csv --out predictions.csv"})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "Run folder (or its model.zip).")
    Path run;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV of class probabilities.")
    Path out;

    @Option(names = "--force", description = "Replace --out if it exists (never an input, nor a file in a run or "
            + "sweep folder).")
    boolean force;

    @Override
    public Integer call() {
        OutputGuard.requireWritable(out, force, run, load.matrix, load.metadata, load.geneNames, load.sampleNames,
                load.annotations);
        SavedRun saved = openRun();
        ExpressionData data = ExpressionLoader.load(load.toRequest());
        NewDataSequences sequences = saved.sequences(data);
        sequences.warnings().forEach(warning -> spec.commandLine().getErr().println("note: " + warning));
        float[][] probabilities = saved.model().predictProbabilities(sequences.dataset());
        write(sequences, data.matrix().sampleIds(), probabilities, saved.model().classNames());
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d predictions to %s%n",
                probabilities.length, out);
        return 0;
    }

    /** A finished run's model, or an unfinished run's best checkpoint (said in one line). */
    private SavedRun openRun() {
        if (!RunData.unfinished(run)) {
            return SavedRun.open(run);
        }
        RunData.BestSoFar best = RunData.bestSoFar(run, true);
        spec.commandLine().getErr().println("note: " + best.note());
        if (best.loaded().changeNote() != null) {
            spec.commandLine().getErr().println("note: " + best.loaded().changeNote());
        }
        return best.run();
    }

    private void write(NewDataSequences sequences, List<String> sampleIds, float[][] probabilities,
                       List<String> classes) {
        SequenceDataset dataset = sequences.dataset();
        List<String> header = new ArrayList<>(List.of("sequence", "group", "first_sample", "last_sample"));
        if (sequences.labelled()) {
            header.add("true_class");
        }
        header.add("predicted_class");
        classes.forEach(name -> header.add("p_" + name));
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(header);
            for (int i = 0; i < probabilities.length; i++) {
                int[] rows = dataset.sourceRows(i);
                List<Object> record = new ArrayList<>();
                record.add(i + 1);
                record.add(dataset.groupIds().get(i));
                record.add(rows.length == 0 ? "" : sampleIds.get(rows[0]));
                record.add(rows.length == 0 ? "" : sampleIds.get(rows[rows.length - 1]));
                if (sequences.labelled()) {
                    record.add(classes.get(dataset.label(i)));
                }
                int best = 0;
                for (int c = 1; c < classes.size(); c++) {
                    if (probabilities[i][c] > probabilities[i][best]) {
                        best = c;
                    }
                }
                record.add(classes.get(best));
                for (float p : probabilities[i]) {
                    record.add(String.format(Locale.ROOT, "%.6f", p));
                }
                printer.printRecord(record);
            }
            AtomicFiles.writeString(out, text.toString());
        } catch (IOException failure) {
            throw new WorkbenchException(out + ": cannot be written (" + AtomicFiles.describe(failure) + ")", failure);
        }
    }
}

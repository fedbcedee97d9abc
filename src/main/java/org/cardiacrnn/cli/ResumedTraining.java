package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunData;
import org.cardiacrnn.runs.RunFolder;
import org.cardiacrnn.runs.RunLauncher;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.io.UserDataDirectory;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.training.TrainingControl;

import picocli.CommandLine.Model.CommandSpec;

/** {@code train --resume RUN}: the run's own data and settings, continued from its last checkpoint. */
final class ResumedTraining {

    private final CommandSpec spec;
    private final Path workspace;
    private final boolean allowChangedData;
    private final boolean figures;

    ResumedTraining(CommandSpec spec, Path workspace, boolean allowChangedData, boolean figures) {
        this.spec = spec;
        this.workspace = workspace;
        this.allowChangedData = allowChangedData;
        this.figures = figures;
    }

    int resume(String run) {
        requireNoNewSettings();
        PrintWriter out = spec.commandLine().getOut();
        RunFolder folder = open(run);
        RunConfig config = folder.readConfig(RunConfig.class);
        RunData.Loaded loaded = RunData.load(folder, config, allowChangedData);
        if (loaded.changeNote() != null) {
            out.println("note: " + loaded.changeNote() + "; going on as --allow-changed-data asks");
        }
        PreparedData prepared = DatasetPreparation.prepare(loaded.data(), config.preparation());
        out.println("resuming run " + folder.id() + " from its last checkpoint");
        out.flush();
        RunLauncher.CompletedRun completed = new RunLauncher(store(folder)).resume(folder, config, prepared,
                new ProgressPrinter(out, System.console() != null, config.hyperparameters().epochs()),
                new TrainingControl(), figures);
        if (completed.evaluation() == null) {
            throw new WorkbenchException(String.valueOf(completed.training().failure()));
        }
        EvaluationReport report = completed.evaluation();
        out.printf(Locale.ROOT, "test: accuracy %.1f%% on %d sequences, macro F1 %.3f (best epoch %d)%n",
                100 * report.accuracy(), report.sampleCount(), report.macroAverage().f1(),
                completed.training().bestEpoch());
        out.println("run folder: " + folder.directory());
        return completed.training().failure() == null ? 0 : Main.EXIT_USER_ERROR;
    }

    /** A resumed run keeps its data and settings: other values would make it a different run. */
    private void requireNoNewSettings() {
        for (var option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (!name.equals("--resume") && !name.equals("--workspace") && !name.equals("--allow-changed-data")
                    && !name.equals("--figures")) {
                throw new WorkbenchException(name + " cannot be combined with --resume: a resumed run keeps the data "
                        + "and settings it started with");
            }
        }
        if (!spec.commandLine().getParseResult().matchedPositionals().isEmpty()) {
            throw new WorkbenchException("--resume takes its data from the run; leave out the MATRIX argument");
        }
    }

    private RunFolder open(String run) {
        Path path = Path.of(run);
        if (Files.isDirectory(path)) {
            return RunData.folder(path);
        }
        return new RunStore(workspace != null ? workspace : UserDataDirectory.resolve()).open(run);
    }

    private static RunStore store(RunFolder folder) {
        return new RunStore(folder.directory().getParent().getParent());
    }
}

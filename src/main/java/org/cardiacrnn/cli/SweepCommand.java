package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.nn.fast.NativeThreads;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.runs.UserDataDirectory;
import org.cardiacrnn.sweeps.ParameterSpace;
import org.cardiacrnn.sweeps.SweepControl;
import org.cardiacrnn.sweeps.SweepDefinition;
import org.cardiacrnn.sweeps.SweepEvent;
import org.cardiacrnn.sweeps.SweepFolder;
import org.cardiacrnn.sweeps.SweepRunner;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.SweepStore;
import org.cardiacrnn.sweeps.SweepSummary;
import org.cardiacrnn.sweeps.Trial;
import org.cardiacrnn.training.TrainingEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs a hyperparameter sweep headless: one progress line per trial, then the ranked table. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Try many hyperparameter settings (grid, random or TPE search) and rank them.",
                "Each trial is an ordinary run folder; the sweep folder links them and survives a restart.",
                "Example: sweep --spec docs/configs/sweep-example.json",
                "               --data sample-data/cardiac-differentiation.csv.gz",
                "Resume: sweep --resume SWEEP_ID     List: sweep --list"})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--spec", paramLabel = "FILE", description = "Sweep spec (JSON); see docs/sweeps.md.")
    Path specFile;

    @Option(names = "--data", paramLabel = "MATRIX", description = "Expression matrix (same as the MATRIX argument).")
    Path data;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Mixin
    PreparationOptions preparation = new PreparationOptions();

    @Option(names = "--resume", paramLabel = "SWEEP_ID", description = "Go on with the unfinished trials of a sweep "
            + "(its data and settings come from the sweep folder).")
    String resume;

    @Option(names = "--list", description = "List the sweeps of the workspace and exit.")
    boolean list;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Where run and sweep folders go (default: the "
            + "workbench's user data folder, shared with the GUI).")
    Path workspace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home = workspace != null ? workspace : UserDataDirectory.resolve();
        SweepStore sweeps = new SweepStore(home);
        if (list) {
            printSweeps(out, sweeps.list());
            return 0;
        }
        SweepRunner runner = new SweepRunner(new RunStore(home), sweeps);
        SweepFolder folder;
        ExpressionData expression;
        if (resume != null) {
            folder = sweeps.open(resume);
            expression = ExpressionLoader.load(folder.definition().data().toRequest());
        } else {
            if (specFile == null) {
                throw new org.cardiacrnn.WorkbenchException("give a sweep spec with --spec FILE (or --resume ID, "
                        + "--list)");
            }
            SweepSpec sweepSpec = SweepSpec.load(specFile);
            if (data != null) {
                load.matrix = data;
            }
            LoadRequest request = load.toRequest();
            expression = ExpressionLoader.load(request);
            folder = runner.create(sweepSpec, DataSpec.of(request), preparation.toConfig(expression));
        }
        SweepDefinition definition = folder.definition();
        SweepSpec sweepSpec = definition.spec();
        out.printf(Locale.ROOT, "sweep %s: %s search over %s, %d trials, optimising %s%s%n", folder.id(),
                sweepSpec.strategy().name().toLowerCase(Locale.ROOT), describe(sweepSpec),
                folder.trials().size(), label(sweepSpec), sweepSpec.folds() > 1 ? " (mean over "
                        + sweepSpec.folds() + " folds)" : "");
        out.flush();
        NativeThreads.configure();
        List<Trial> ranked = runner.run(folder, expression, event -> report(out, sweepSpec, folder, event),
                new SweepControl());
        printRanking(out, sweepSpec, ranked);
        out.println("sweep folder: " + folder.directory());
        return 0;
    }

    private static void report(PrintWriter out, SweepSpec sweepSpec, SweepFolder folder, SweepEvent event) {
        int total = folder.trials().size();
        if (event instanceof SweepEvent.TrialStarted started) {
            out.printf(Locale.ROOT, "trial %d/%d: %s …%n", started.trial().number(), total,
                    values(started.trial()));
        } else if (event instanceof SweepEvent.Training training
                && training.event() instanceof TrainingEvent.Failed failed) {
            out.println("  failed: " + failed.message());
        } else if (event instanceof SweepEvent.TrialEnded ended) {
            Trial trial = ended.trial();
            out.printf(Locale.ROOT, "trial %d/%d: %s  %s %s  %d epochs  %.1f s%s%n", trial.number(), total,
                    trial.state().name().toLowerCase(Locale.ROOT), label(sweepSpec), value(trial), trial.epochs(),
                    trial.seconds(), trial.message() != null ? "  (" + trial.message() + ")" : "");
        }
        out.flush();
    }

    private static void printRanking(PrintWriter out, SweepSpec sweepSpec, List<Trial> ranked) {
        out.println();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%4s  %5s  %-9s", "rank", "trial",
                "state"));
        for (ParameterSpace parameter : sweepSpec.parameters()) {
            header.append(String.format(Locale.ROOT, "  %-14s", parameter.key()));
        }
        out.println(header.append(String.format(Locale.ROOT, "  %-10s  %6s  %8s", label(sweepSpec), "epochs",
                "seconds")));
        for (int i = 0; i < ranked.size(); i++) {
            Trial trial = ranked.get(i);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%4d  %5d  %-9s", i + 1, trial.number(),
                    trial.state().name().toLowerCase(Locale.ROOT)));
            for (ParameterSpace parameter : sweepSpec.parameters()) {
                row.append(String.format(Locale.ROOT, "  %-14s", trial.values().getOrDefault(parameter.key(), "–")));
            }
            out.println(row.append(String.format(Locale.ROOT, "  %-10s  %6d  %8.1f", value(trial), trial.epochs(),
                    trial.seconds())));
        }
    }

    private static void printSweeps(PrintWriter out, List<SweepSummary> sweeps) {
        if (sweeps.isEmpty()) {
            out.println("no sweeps yet");
            return;
        }
        for (SweepSummary sweep : sweeps) {
            out.printf(Locale.ROOT, "%-40s %-7s %3d/%-3d trials done  best %s%s%n", sweep.id(),
                    sweep.strategy().name().toLowerCase(Locale.ROOT), sweep.done(), sweep.trials(),
                    Double.isNaN(sweep.best()) ? "–" : String.format(Locale.ROOT, "%.4f", sweep.best()),
                    sweep.unfinished() ? "  (unfinished: sweep --resume " + sweep.id() + ")" : "");
        }
    }

    private static String describe(SweepSpec sweepSpec) {
        return String.join("; ", sweepSpec.parameters().stream().map(p -> p.key() + " " + p.describe()).toList());
    }

    private static String values(Trial trial) {
        return trial.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static String label(SweepSpec sweepSpec) {
        return sweepSpec.objective().name().toLowerCase(Locale.ROOT).replace("validation_", "val ")
                .replace('_', ' ');
    }

    private static String value(Trial trial) {
        return trial.objective() == null ? "–" : String.format(Locale.ROOT, "%.4f", trial.objective());
    }
}

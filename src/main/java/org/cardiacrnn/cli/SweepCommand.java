package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cardiacrnn.WorkbenchException;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.DatasetFingerprint;
import org.cardiacrnn.runs.RunFolder;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.io.UserDataDirectory;
import org.cardiacrnn.sweeps.ParameterSpace;
import org.cardiacrnn.sweeps.SlurmJob;
import org.cardiacrnn.sweeps.SweepControl;
import org.cardiacrnn.sweeps.SweepDefinition;
import org.cardiacrnn.sweeps.SweepEvent;
import org.cardiacrnn.sweeps.SweepFolder;
import org.cardiacrnn.sweeps.SweepRepair;
import org.cardiacrnn.sweeps.SweepRunner;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.SweepStore;
import org.cardiacrnn.sweeps.SweepSummary;
import org.cardiacrnn.sweeps.SweepWorker;
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
                "Resume: sweep --resume SWEEP_ID     List: sweep --list     Repair: sweep --repair SWEEP_ID",
                "On a SLURM cluster: sweep --spec FILE --data MATRIX --slurm --workers 8; then",
                "sweep --follow SWEEP_ID, and sweep --stop SWEEP_ID to end it (see docs/cluster.md)."})
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

    @Option(names = "--allow-changed-data", description = "With --resume: go on although the data file changed "
            + "since the sweep's trials used it (recorded in those trials' run events).")
    boolean allowChangedData;

    @Option(names = "--list", description = "List the sweeps of the workspace and exit.")
    boolean list;

    @Option(names = "--repair", paramLabel = "SWEEP_ID", description = "Rebuild a sweep's missing or damaged "
            + "trials.json from its trials' run folders (the damaged file is kept beside it) and exit.")
    String repair;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Where run and sweep folders go (default: the "
            + "workbench's user data folder, shared with the GUI).")
    Path workspace;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        cluster.checkUsedWithSlurm();
        if (cluster.worker != null) {
            return work(out, SweepStore.openFolder(cluster.worker));
        }
        Workspaces.requireValid(workspace);
        Path home = workspace != null ? workspace : UserDataDirectory.resolve();
        SweepStore sweeps = new SweepStore(home);
        if (list) {
            Map<String, String> damaged = sweeps.damaged();
            printSweeps(out, sweeps.list(), damaged.isEmpty());
            damaged.forEach((id, problem) -> out.println(id + "  damaged: " + problem + "  (sweep --repair " + id
                    + ")"));
            return 0;
        }
        if (repair != null) {
            SweepRepair.Result repaired = SweepRepair.repair(home, repair, Clock.systemDefaultZone());
            out.printf(Locale.ROOT, "sweep %s: trials.json rebuilt from the run folders: %d of %d trials recovered "
                    + "with their results, %d started but unfinished to run again, the rest not started%n", repair,
                    repaired.recovered(), repaired.trials(), repaired.rerun());
            if (repaired.keptAs() != null) {
                out.println("the damaged table is kept as " + repaired.keptAs());
            }
            out.println("go on with: sweep --resume " + repair);
            return 0;
        }
        if (cluster.follow != null) {
            SweepFollower.follow(out, sweeps.open(cluster.follow), Duration.ofSeconds(2));
            return 0;
        }
        if (cluster.stop != null) {
            return stop(out, sweeps.open(cluster.stop));
        }
        SweepRunner runner = new SweepRunner(new RunStore(home), sweeps);
        SweepFolder folder;
        ExpressionData expression;
        if (resume != null) {
            String damage = sweeps.damaged().get(resume);
            if (damage != null) {
                throw new WorkbenchException("sweep " + resume + " cannot resume: " + damage + "; rebuild its trial "
                        + "table with sweep --repair " + resume);
            }
            folder = sweeps.open(resume);
            expression = ExpressionLoader.load(folder.definition().data().toRequest());
            requireSameData(out, new RunStore(home), folder, expression);
        } else {
            if (specFile == null) {
                throw new WorkbenchException("give a sweep spec with --spec FILE (or --resume ID, "
                        + "--list)");
            }
            SweepSpec sweepSpec = SweepSpec.load(specFile);
            if (data != null) {
                load.matrix = data;
            }
            LoadRequest request = load.toRequest();
            expression = ExpressionLoader.load(request);
            folder = runner.create(sweepSpec, DataSpec.of(request), preparation.toConfig(expression), expression);
        }
        if (cluster.slurm) {
            // A resumed sweep gets new workers; a stop asked of the old ones must not stop them.
            folder.clearStopRequest();
            return submit(out, home, folder);
        }
        SweepDefinition definition = folder.definition();
        SweepSpec sweepSpec = definition.spec();
        out.printf(Locale.ROOT, "sweep %s: %s search over %s, %d trials, optimising %s%s%n", folder.id(),
                sweepSpec.strategy().name().toLowerCase(Locale.ROOT), describe(sweepSpec),
                folder.trials().size(), label(sweepSpec), sweepSpec.folds() > 1 ? " (mean over "
                        + sweepSpec.folds() + " folds)" : "");
        out.flush();
        List<Trial> ranked = runner.run(folder, expression, event -> report(out, sweepSpec, folder, event),
                new SweepControl());
        printRanking(out, sweepSpec, ranked);
        out.println("sweep folder: " + folder.directory());
        return 0;
    }

    /** One worker of a sweep that may have many, here or on other nodes. */
    private int work(PrintWriter out, SweepFolder folder) {
        Path home = SweepStore.workspaceOf(folder);
        SweepDefinition definition = folder.definition();
        ExpressionData expression = ExpressionLoader.load(definition.data().toRequest());
        SweepWorker worker = new SweepWorker(folder, cluster.lease());
        out.printf(Locale.ROOT, "worker for sweep %s (lease %d s)%n", folder.id(), cluster.lease().toSeconds());
        out.flush();
        int ended = worker.work(new RunStore(home), new SweepStore(home), expression,
                event -> report(out, definition.spec(), folder, event), new SweepControl());
        out.printf(Locale.ROOT, "worker done: %d trial%s ended here%s%n", ended, ended == 1 ? "" : "s",
                folder.stopRequest().isPresent() ? " (the sweep is stopping)" : "");
        return 0;
    }

    /** Writes the job array's script and, unless --dry-run, submits it. */
    private int submit(PrintWriter out, Path home, SweepFolder folder) {
        if (home.toAbsolutePath().normalize().startsWith(Path.of("/tmp"))) {
            out.println("warning: the workspace " + home + " is under /tmp, which the other nodes of a cluster do "
                    + "not see; give --workspace on a shared file system");
        }
        List<String> worker = new ArrayList<>(ProgramCommand.self());
        worker.addAll(List.of("sweep", "--worker", folder.directory().toString(), "--lease",
                cluster.lease().toSeconds() + "s"));
        SlurmJob.Request request = cluster.request();
        Path script = SlurmJob.writeScript(folder, request, worker);
        out.println("sweep " + folder.id() + ": " + folder.trials().size() + " trials in " + folder.directory());
        if (cluster.dryRun) {
            out.println("wrote " + script + "; submit it with: sbatch " + script);
            return 0;
        }
        String id = SlurmJob.submit(script);
        folder.recordJob(new SlurmJob(id, request.workers(), script.toString(), Instant.now().toString()));
        out.println("submitted job " + id + " (" + request.workers() + " workers) for sweep " + folder.id());
        out.println("follow it with: sweep --follow " + folder.id() + (workspace != null ? " --workspace "
                + workspace : ""));
        return 0;
    }

    private int stop(PrintWriter out, SweepFolder folder) {
        SweepFolder.StopMode mode = cluster.abandon ? SweepFolder.StopMode.ABANDON : SweepFolder.StopMode.FINISH;
        folder.requestStop(mode);
        out.println("sweep " + folder.id() + " is stopping: workers " + (mode == SweepFolder.StopMode.ABANDON
                ? "abandon their trials now (they wait again)" : "finish their current trial and take no new one"));
        Optional<SlurmJob> job = folder.job();
        if (cluster.scancel) {
            SlurmJob submitted = job.orElseThrow(() -> new WorkbenchException("sweep " + folder.id()
                    + " records no SLURM job to cancel (was it submitted with --slurm from here?)"));
            SlurmJob.cancel(submitted.id());
            out.println("cancelled job " + submitted.id());
        } else {
            job.ifPresent(submitted -> out.println("to end its workers at once: scancel " + submitted.id()
                    + " (or sweep --stop " + folder.id() + " --scancel)"));
        }
        return 0;
    }

    /** Trials trained on other data must not be ranked with new ones unnoticed. */
    private void requireSameData(PrintWriter out, RunStore runs, SweepFolder folder, ExpressionData expression) {
        String now = DatasetFingerprint.of(expression.matrix());
        String matrix = folder.definition().data().matrix();
        for (Trial trial : folder.trials()) {
            for (String runId : trial.runIds()) {
                RunFolder run;
                try {
                    run = runs.open(runId);
                } catch (WorkbenchException gone) {
                    continue;
                }
                String recorded = run.readConfig().path(RunFolder.FINGERPRINT_FIELD).asText(null);
                if (recorded == null || recorded.equals(now)) {
                    continue;
                }
                String change = matrix + " has changed since trial " + trial.number() + " used it (fingerprint then "
                        + recorded + ", now " + now + ")";
                if (!allowChangedData) {
                    throw new WorkbenchException(change + "; add --allow-changed-data to go on with the data as they "
                            + "are now");
                }
                run.logEvent("data changed (--allow-changed-data, sweep " + folder.id() + " resumed): " + change);
                out.println("note: " + change + "; going on as --allow-changed-data asks");
            }
        }
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

    private static void printSweeps(PrintWriter out, List<SweepSummary> sweeps, boolean nothingElse) {
        if (sweeps.isEmpty() && nothingElse) {
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

    static String label(SweepSpec sweepSpec) {
        return sweepSpec.objective().name().toLowerCase(Locale.ROOT).replace("validation_", "val ")
                .replace('_', ' ');
    }

    static String value(Trial trial) {
        return trial.objective() == null ? "–" : String.format(Locale.ROOT, "%.4f", trial.objective());
    }
}

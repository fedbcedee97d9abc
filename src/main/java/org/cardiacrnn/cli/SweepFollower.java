package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.cardiacrnn.sweeps.ParameterSpace;
import org.cardiacrnn.sweeps.SweepFolder;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.SweepWatch;
import org.cardiacrnn.sweeps.Trial;

/** {@code sweep --follow}: the live trial table of a sweep that workers elsewhere are filling. */
final class SweepFollower {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private SweepFollower() {
    }

    /** Prints the table whenever it changes, until every trial is done or a stopping sweep has no trial left. */
    static void follow(PrintWriter out, SweepFolder folder, Duration every) {
        SweepSpec spec = folder.definition().spec();
        List<Trial> last = SweepWatch.watch(folder, every, trials -> print(out, folder, spec, trials), () -> false);
        out.println(last.stream().allMatch(Trial::isDone) ? "sweep " + folder.id() + " has ended"
                : "sweep " + folder.id() + " was stopped; its waiting trials run when workers start again");
        out.flush();
    }

    static void print(PrintWriter out, SweepFolder folder, SweepSpec spec, List<Trial> trials) {
        long done = trials.stream().filter(Trial::isDone).count();
        long running = trials.stream().filter(trial -> trial.state() == Trial.TrialState.RUNNING).count();
        out.printf(Locale.ROOT, "%n%s  sweep %s: %d of %d trials done, %d running%s%n",
                LocalTime.now().format(CLOCK), folder.id(), done, trials.size(), running,
                folder.stopRequest().isPresent() ? ", stopping" : "");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%5s  %-9s  %-28s", "trial", "state",
                "worker"));
        for (ParameterSpace parameter : spec.parameters()) {
            header.append(String.format(Locale.ROOT, "  %-14s", parameter.key()));
        }
        out.println(header.append(String.format(Locale.ROOT, "  %-12s  %6s", SweepCommand.label(spec), "epochs")));
        for (Trial trial : trials) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d  %-9s  %-28s", trial.number(),
                    state(trial), trial.worker() == null ? "–" : trial.worker().describe()));
            for (ParameterSpace parameter : spec.parameters()) {
                row.append(String.format(Locale.ROOT, "  %-14s", trial.values().getOrDefault(parameter.key(), "–")));
            }
            out.println(row.append(String.format(Locale.ROOT, "  %-12s  %6d", SweepCommand.value(trial),
                    trial.epochs())));
        }
        out.flush();
    }

    private static String state(Trial trial) {
        return switch (trial.state()) {
            case REQUEUED -> "re-queued";
            case PRUNED -> "stopped";
            default -> trial.state().name().toLowerCase(Locale.ROOT);
        };
    }
}

package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.cardiacrnn.training.TrainingEvent;
import org.cardiacrnn.training.TrainingListener;

/**
 * The CLI's view of training: a progress bar redrawn in place on a terminal (epoch, batch, loss, last
 * accuracy, ETA), and one plain line per epoch otherwise (logs, CI).
 */
final class ProgressPrinter implements TrainingListener {

    private static final int BAR = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private final int epochs;
    private final long started = System.nanoTime();
    private double lastValidationAccuracy = Double.NaN;
    private int totalIterations;

    ProgressPrinter(PrintWriter out, boolean terminal, int epochs) {
        this.out = out;
        this.terminal = terminal;
        this.epochs = epochs;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Iteration iteration && terminal) {
            totalIterations = iteration.iterationsPerEpoch() * epochs;
            double done = iteration.iteration() / (double) totalIterations;
            int filled = (int) Math.round(done * BAR);
            double elapsed = (System.nanoTime() - started) / 1e9;
            double eta = done > 0 ? elapsed * (1 - done) / done : Double.NaN;
            out.printf(Locale.ROOT, "\repoch %d/%d [%s%s] loss %.4f  val acc %s  ETA %s   ", iteration.epoch(), epochs,
                    "#".repeat(filled), "-".repeat(BAR - filled), iteration.loss(), percent(lastValidationAccuracy),
                    duration(eta));
            out.flush();
        } else if (event instanceof TrainingEvent.Epoch epoch) {
            lastValidationAccuracy = epoch.validationAccuracy();
            if (terminal) {
                out.print("\r" + " ".repeat(90) + "\r");
            }
            out.printf(Locale.ROOT, "epoch %d/%d  train loss %.4f acc %s  validation loss %.4f acc %s  lr %.1e  "
                    + "%.1f s%n",
                    epoch.epoch(), epochs, epoch.trainLoss(), percent(epoch.trainAccuracy()), epoch.validationLoss(),
                    percent(epoch.validationAccuracy()), epoch.learningRate(), epoch.seconds());
            out.flush();
        } else if (event instanceof TrainingEvent.LearningRateReduced reduced) {
            out.printf(Locale.ROOT, "  learning rate reduced to %.1e%n", reduced.to());
        } else if (event instanceof TrainingEvent.EarlyStopped stopped) {
            out.printf(Locale.ROOT, "  early stop: no improvement since epoch %d%n", stopped.bestEpoch());
        }
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "  –  " : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

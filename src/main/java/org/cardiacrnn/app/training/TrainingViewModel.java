package org.cardiacrnn.app.training;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.app.common.Choices;
import org.cardiacrnn.app.common.EventCoalescer;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.figures.LiveCurves;
import org.cardiacrnn.runs.EpochMetrics;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunLauncher;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainingControl;
import org.cardiacrnn.training.TrainingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Training page: start, pause, resume and stop a run; progress with ETA; live curves; an event log.
 * Training events arrive on the engine thread and are queued; {@link #drainEvents()} applies them on the UI
 * thread, at most about 20 times a second however fast iterations come.
 */
public final class TrainingViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingViewModel.class);

    /** Where a training stands. */
    public enum Status { IDLE, RUNNING, PAUSED, STOPPING }

    /**
     * Per-iteration points are drawn twice a second. At five a second, the loss chart's redraws were the UI
     * thread's main work during training and what it was busy with in most of the long gaps between frames.
     */
    private static final long CHART_INTERVAL_MILLIS = 500;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final WorkbenchSession session;
    private final TaskExecutor executor;
    private final RunStore store;
    private final LiveCurves curves = new LiveCurves();
    private final EventCoalescer<TrainingEvent> events;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private volatile TrainingControl control;
    private final RedrawPacer chartRedraws = new RedrawPacer(CHART_INTERVAL_MILLIS);
    private long startedNanos;
    private int epochs;

    public TrainingViewModel(WorkbenchSession session, TaskExecutor executor, RunStore store) {
        this.session = session;
        this.executor = executor;
        this.events = new EventCoalescer<>(executor, event -> !(event instanceof TrainingEvent.Iteration),
                this::applyBatch);
        this.store = store;
    }

    /** Trains with the current data, sequences (built now if needed) and hyperparameters, into a new run. */
    public void start() {
        ExpressionData data = session.datasetProperty().get();
        if (data == null || status.get() != Status.IDLE) {
            return;
        }
        Hyperparameters hp = session.hyperparametersProperty().get();
        PreparedData preparedAlready = session.preparedDataProperty().get();
        PreparationConfig preparation;
        try {
            preparation = session.effectivePreparation();
        } catch (RuntimeException missingRoles) {
            LOG.warn("Training not started: no usable column roles", missingRoles);
            error.set(UserError.of(I18n.text("training.error.roles"), missingRoles));
            return;
        }
        String name = RunNames.of(session.presetNameProperty().get(), hp, session.datasetNameProperty().get(),
                java.time.LocalTime.now());
        RunConfig runConfig = new RunConfig(name, session.presetNameProperty().get(), session.dataSpec(),
                preparation, hp);
        TrainingControl runControl = new TrainingControl();
        control = runControl;
        curves.clear();
        curves.flush();
        log.clear();
        epochs = hp.epochs();
        startedNanos = System.nanoTime();
        progress.set(0);
        progressText.set(I18n.text("training.preparing"));
        status.set(Status.RUNNING);
        addLog(I18n.text("training.log.started", name));
        executor.submit(I18n.text("training.running"), job -> {
            PreparedData prepared = preparedAlready != null ? preparedAlready
                    : DatasetPreparation.prepare(data, preparation);
            RunLauncher.CompletedRun completed = new RunLauncher(store).run(runConfig, data, prepared, events::add,
                    runControl, false);
            return new Finished(completed, completed.evaluation() != null ? completed.folder().readMetrics()
                    : List.of());
        }, finished -> {
            RunLauncher.CompletedRun run = finished.run();
            drainEvents();
            status.set(Status.IDLE);
            control = null;
            if (run.evaluation() != null) {
                session.currentRunProperty().set(new RunResult(run.folder().id(), name, run.folder().directory(),
                        run.evaluation(), finished.metrics(), run.prepared().test()));
                addLog(I18n.text("training.log.tested", String.format(Locale.ROOT, "%.1f %%",
                        100 * run.evaluation().accuracy()), run.training().bestEpoch()));
            }
            if (run.training().failure() != null) {
                error.set(new UserError(I18n.text("training.error.title"), run.training().failure(), ""));
            }
        }, failure -> {
            drainEvents();
            status.set(Status.IDLE);
            control = null;
            error.set(UserError.of(I18n.text("training.error.title"), failure));
        });
    }

    /** A finished run with its metrics, read on the background thread so the UI thread does no I/O. */
    private record Finished(RunLauncher.CompletedRun run, List<EpochMetrics> metrics) {
    }

    /** Pauses after the current mini-batch. */
    public void pause() {
        TrainingControl running = control;
        if (running != null && status.get() == Status.RUNNING) {
            running.pause();
            status.set(Status.PAUSED);
            progressText.set(I18n.text("training.pausedAt", progressText.get()));
            addLog(I18n.text("training.log.paused"));
        }
    }

    public void resume() {
        TrainingControl running = control;
        if (running != null && status.get() == Status.PAUSED) {
            running.resume();
            status.set(Status.RUNNING);
            addLog(I18n.text("training.log.resumed"));
        }
    }

    /** Stops after the current mini-batch; the best epoch so far is kept, evaluated and saved. */
    public void stop() {
        TrainingControl running = control;
        if (running != null) {
            running.stop();
            status.set(Status.STOPPING);
            addLog(I18n.text("training.log.stopping"));
        }
    }

    /** Applies queued events to the curves, progress and log (call on the UI thread). */
    public void drainEvents() {
        events.drain();
    }

    private void applyBatch(List<TrainingEvent> batch) {
        boolean milestone = false;
        for (TrainingEvent next : batch) {
            apply(next);
            milestone |= !(next instanceof TrainingEvent.Iteration);
        }
        // Redrawing the charts costs the UI thread far more than the progress line, so per-iteration points
        // are drawn at most twice a second; epochs and the end of a run are drawn at once.
        if (chartRedraws.due(milestone, System.currentTimeMillis())) {
            redrawCharts();
        }
    }

    /** One chart per frame: after an epoch the three charts would otherwise hold one frame three times as long. */
    private void redrawCharts() {
        if (curves.flushOne()) {
            executor.runOnUiThreadLater(this::redrawCharts);
        }
    }

    private void apply(TrainingEvent event) {
        if (event instanceof TrainingEvent.Iteration iteration) {
            double epochPosition = iteration.epoch() - 1
                    + ((iteration.iteration() - 1) % iteration.iterationsPerEpoch() + 1)
                    / (double) iteration.iterationsPerEpoch();
            curves.addIteration(epochPosition, iteration.loss());
            double done = epochPosition / epochs;
            progress.set(done);
            double elapsed = (System.nanoTime() - startedNanos) / 1e9;
            String position = I18n.text("training.progress", iteration.epoch(), epochs,
                    (iteration.iteration() - 1) % iteration.iterationsPerEpoch() + 1, iteration.iterationsPerEpoch(),
                    String.format(Locale.ROOT, "%.4f", iteration.loss()), eta(elapsed, done));
            // The batch that was running when Pause was pressed still reports; the page must keep saying Paused.
            progressText.set(status.get() == Status.PAUSED ? I18n.text("training.pausedAt", position) : position);
        } else if (event instanceof TrainingEvent.Epoch epoch) {
            curves.addEpoch(epoch.epoch(), epoch.trainLoss(), epoch.validationLoss(), epoch.trainAccuracy(),
                    epoch.validationAccuracy(), epoch.learningRate());
            addLog(I18n.text("training.log.epoch", epoch.epoch(), format(epoch.trainLoss()),
                    format(epoch.validationLoss()), percent(epoch.validationAccuracy()),
                    String.format(Locale.ROOT, "%.1f", epoch.seconds())));
        } else if (event instanceof TrainingEvent.LearningRateReduced reduced) {
            addLog(I18n.text("training.log.lr", String.format(Locale.ROOT, "%.1e", reduced.to())));
        } else if (event instanceof TrainingEvent.CheckpointSaved saved) {
            addLog(I18n.text("training.log.checkpoint", saved.epoch()));
        } else if (event instanceof TrainingEvent.EarlyStopped stopped) {
            addLog(I18n.text("training.log.early", stopped.epoch(), stopped.bestEpoch()));
        } else if (event instanceof TrainingEvent.Finished finished) {
            // A stopped run did not finish: the bar stays where it was stopped and the text says so.
            boolean stopped = finished.result().stopReason() == org.cardiacrnn.training.StopReason.STOPPED;
            if (!stopped) {
                progress.set(1);
            }
            progressText.set(I18n.text(stopped ? "training.stopped" : "training.finished",
                    finished.result().history().size(), finished.result().bestEpoch()));
            addLog(I18n.text("training.log.finished", Choices.label(finished.result().stopReason())));
        } else if (event instanceof TrainingEvent.Failed failed) {
            addLog(I18n.text("training.log.failed", failed.message()));
        }
    }

    private void addLog(String line) {
        log.add(LocalTime.now().format(CLOCK) + "  " + line);
    }

    private static String eta(double elapsedSeconds, double done) {
        if (done <= 0) {
            return "–";
        }
        long seconds = Math.round(elapsedSeconds * (1 - done) / done);
        return seconds < 60 ? seconds + " s" : String.format(Locale.ROOT, "%d:%02d min", seconds / 60, seconds % 60);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    public void dismissError() {
        error.set(null);
    }

    public LiveCurves curves() {
        return curves;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public WorkbenchSession session() {
        return session;
    }

    /** "Preset quick: …", or "Preset quick, edited: …" once the settings no longer match the preset. */
    public static String describeSettings(String preset, Hyperparameters settings) {
        boolean asPreset = Hyperparameters.presetNames().contains(preset)
                && Hyperparameters.preset(preset).equals(settings);
        return I18n.text(asPreset ? "training.using" : "training.using.edited", preset,
                settings.summary().values());
    }
}

package org.cardiacrnn.app.sweeps;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.app.common.BackgroundJob;
import org.cardiacrnn.app.common.Choices;
import org.cardiacrnn.app.common.EventCoalescer;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sweeps.Objective;
import org.cardiacrnn.sweeps.ParameterSpace;
import org.cardiacrnn.sweeps.SlurmJob;
import org.cardiacrnn.sweeps.SweepControl;
import org.cardiacrnn.sweeps.SweepEvent;
import org.cardiacrnn.sweeps.SweepFolder;
import org.cardiacrnn.sweeps.SweepRunner;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.SweepStore;
import org.cardiacrnn.sweeps.SweepSummary;
import org.cardiacrnn.sweeps.SweepWatch;
import org.cardiacrnn.sweeps.Trial;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sweeps page: a sweep spec edited in a form (every trial starts from the Model page's settings), the
 * sweep run on the background executor with a live trial table, sweeps left unfinished by an earlier session
 * offered for resuming, and a trial's settings sent back to the editor. Sweep events arrive on the engine
 * thread, are queued, and are applied on the UI thread at most about 20 times a second.
 */
public final class SweepViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SweepViewModel.class);

    /** Where the page's sweep stands. */
    public enum Status { IDLE, RUNNING, STOPPING }

    /** How often a sweep trained by workers elsewhere is read from its folder. */
    static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);

    /** One varied hyperparameter as the form edits it: a list of values, or a numeric range. */
    public static final class ParameterRow {
        private final StringProperty key = new SimpleStringProperty(Hyperparameter.LEARNING_RATE.key());
        private final BooleanProperty range = new SimpleBooleanProperty(false);
        private final StringProperty values = new SimpleStringProperty("");
        private final StringProperty min = new SimpleStringProperty("");
        private final StringProperty max = new SimpleStringProperty("");
        private final IntegerProperty steps = new SimpleIntegerProperty(3);
        private final BooleanProperty log = new SimpleBooleanProperty(false);

        public StringProperty keyProperty() {
            return key;
        }

        public BooleanProperty rangeProperty() {
            return range;
        }

        /** Comma-separated values for a list. */
        public StringProperty valuesProperty() {
            return values;
        }

        public StringProperty minProperty() {
            return min;
        }

        public StringProperty maxProperty() {
            return max;
        }

        public IntegerProperty stepsProperty() {
            return steps;
        }

        public BooleanProperty logProperty() {
            return log;
        }

        ParameterSpace toSpace(int row) {
            if (!range.get()) {
                List<String> list = new ArrayList<>();
                for (String value : values.get().split("[,;]")) {
                    if (!value.isBlank()) {
                        list.add(value.strip());
                    }
                }
                return new ParameterSpace(key.get(), list, null, null, null, null);
            }
            return new ParameterSpace(key.get(), null, number(row, "min", min.get()), number(row, "max", max.get()),
                    steps.get(), log.get() ? ParameterSpace.Scale.LOG : ParameterSpace.Scale.LINEAR);
        }

        void show(ParameterSpace space) {
            key.set(space.key());
            range.set(!space.isList());
            values.set(space.isList() ? String.join(", ", space.values()) : "");
            min.set(space.min() == null ? "" : ParameterSpace.text(space.min(), false));
            max.set(space.max() == null ? "" : ParameterSpace.text(space.max(), false));
            steps.set(space.steps() == null ? 3 : space.steps());
            log.set(space.scale() == ParameterSpace.Scale.LOG);
        }

        private static Double number(int row, String field, String text) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException notANumber) {
                throw new WorkbenchException(I18n.text("sweeps.error.number", row, field, text));
            }
        }
    }

    private final WorkbenchSession session;
    private final TaskExecutor executor;
    private final RunStore runStore;
    private final SweepStore sweepStore;
    private final StringProperty name = new SimpleStringProperty("sweep");
    private final ObjectProperty<SweepSpec.Strategy> strategy = new SimpleObjectProperty<>(SweepSpec.Strategy.GRID);
    private final IntegerProperty budget = new SimpleIntegerProperty(8);
    private final ObjectProperty<Objective> objective = new SimpleObjectProperty<>(Objective.VALIDATION_ACCURACY);
    private final IntegerProperty folds = new SimpleIntegerProperty(1);
    private final BooleanProperty medianStopping = new SimpleBooleanProperty(true);
    private final IntegerProperty minEpochs = new SimpleIntegerProperty(3);
    private final ObservableList<ParameterRow> parameters = FXCollections.observableArrayList();
    private final ObservableList<Trial> trials = FXCollections.observableArrayList();
    private final ObservableList<SweepSummary> sweeps = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SweepSpec> shownSpec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.IDLE);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper bestTrial = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private final javafx.beans.binding.BooleanBinding resumable = javafx.beans.binding.Bindings.createBooleanBinding(
            () -> status.get() == Status.IDLE && shownSpec.get() != null
                    && trials.stream().anyMatch(trial -> !trial.isDone()), status, shownSpec, trials);
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private final EventCoalescer<SweepEvent> events;
    private volatile SweepControl control;
    private volatile SweepFolder followed;
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(false);
    private String shownSweepId;
    private final SweepPlots plots = new SweepPlots(shownSpec.getReadOnlyProperty(), trials,
            revision.getReadOnlyProperty());
    private final ObservableList<TrialColumns.Column> trialColumns = FXCollections.observableArrayList(
            TrialColumns.of(null, List.of()));

    public SweepViewModel(WorkbenchSession session, TaskExecutor executor, RunStore runStore, SweepStore sweepStore) {
        this.session = session;
        this.executor = executor;
        this.events = new EventCoalescer<>(executor, event -> !(event instanceof SweepEvent.Training training
                && training.event() instanceof TrainingEvent.Iteration), this::applyBatch);
        this.runStore = runStore;
        this.sweepStore = sweepStore;
        ParameterRow rate = new ParameterRow();
        rate.show(ParameterSpace.range(Hyperparameter.LEARNING_RATE.key(), 0.001, 0.01, 2, ParameterSpace.Scale.LOG));
        ParameterRow units = new ParameterRow();
        units.show(ParameterSpace.of(Hyperparameter.HIDDEN_UNITS.key(), "16", "32"));
        parameters.setAll(rate, units);
        shownSpec.addListener((obs, old, spec) -> trialColumns.setAll(TrialColumns.of(spec, trials)));
    }

    public void addParameter() {
        ParameterRow row = new ParameterRow();
        row.keyProperty().set(Hyperparameter.DROPOUT.key());
        row.valuesProperty().set("0.2, 0.5");
        parameters.add(row);
    }

    public void removeParameter(ParameterRow row) {
        parameters.remove(row);
    }

    /** The spec the form describes, starting from the Model page's settings; validated. */
    public SweepSpec spec() {
        List<ParameterSpace> spaces = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            spaces.add(parameters.get(i).toSpace(i + 1));
        }
        String preset = session.presetNameProperty().get();
        Hyperparameters settings = session.hyperparametersProperty().get();
        return new SweepSpec(name.get(), preset, SweepSpec.differences(preset, settings), spaces, strategy.get(),
                budget.get(), settings.seed(), objective.get(), folds.get(),
                medianStopping.get() ? new SweepSpec.MedianStopping(Math.min(minEpochs.get(), settings.epochs()))
                        : null).validated(I18n.text("sweeps.spec.source"));
    }

    /** Shows a spec in the form (after loading one from a file). */
    public void showInForm(SweepSpec spec) {
        name.set(spec.name());
        strategy.set(spec.strategy());
        budget.set(spec.trials());
        objective.set(spec.objective());
        folds.set(spec.folds());
        medianStopping.set(spec.medianStopping() != null);
        if (spec.medianStopping() != null) {
            minEpochs.set(spec.medianStopping().minEpochs());
        }
        List<ParameterRow> rows = new ArrayList<>();
        for (ParameterSpace space : spec.parameters()) {
            ParameterRow row = new ParameterRow();
            row.show(space);
            rows.add(row);
        }
        parameters.setAll(rows);
        session.presetNameProperty().set(spec.basePreset());
        session.hyperparametersProperty().set(spec.base());
    }

    /** Starts a new sweep on the current data with the form's spec. */
    public void start() {
        ExpressionData data = session.datasetProperty().get();
        if (data == null || status.get() != Status.IDLE) {
            return;
        }
        SweepSpec spec;
        PreparationConfig preparation;
        try {
            spec = spec();
            preparation = session.effectivePreparation();
        } catch (RuntimeException invalid) {
            LOG.warn("Sweep not started: invalid settings", invalid);
            error.set(UserError.of(I18n.text("sweeps.error.spec"), invalid));
            return;
        }
        DataSpec dataSpec = session.dataSpec();
        run(progress -> new SweepRunner(runStore, sweepStore).create(spec, dataSpec, preparation, data),
                folder -> data);
    }

    /** Goes on with the sweep in the table, when it has trials not yet done. */
    public void resumeShown() {
        if (resumable.get() && shownSweepId != null) {
            String id = shownSweepId;
            sweeps.stream().filter(sweep -> sweep.id().equals(id)).findFirst().ifPresent(this::resume);
        }
    }

    /** True when the sweep in the table was interrupted and nothing runs now. */
    public javafx.beans.binding.BooleanExpression resumableProperty() {
        return resumable;
    }

    /** Goes on with the unfinished trials of a sweep from an earlier session. */
    public void resume(SweepSummary summary) {
        if (status.get() != Status.IDLE) {
            return;
        }
        LoadRequest current = session.loadRequest();
        ExpressionData loaded = session.datasetProperty().get();
        run(progress -> sweepStore.open(summary.id()), folder -> dataOf(current, loaded,
                folder.definition().data()));
    }

    private void run(BackgroundJob<SweepFolder> folderJob, Function<SweepFolder, ExpressionData> dataJob) {
        SweepControl sweepControl = new SweepControl();
        control = sweepControl;
        status.set(Status.RUNNING);
        progressText.set(I18n.text("sweeps.preparing"));
        executor.submit(I18n.text("sweeps.running"), job -> {
            SweepFolder folder = folderJob.run(job);
            List<Trial> planned = folder.trials();
            SweepSpec spec = folder.definition().spec();
            executor.runOnUiThread(() -> show(folder.id(), spec, planned));
            return new SweepRunner(runStore, sweepStore).run(folder, dataJob.apply(folder), events::add,
                    sweepControl);
        }, ranked -> {
            drainEvents();
            control = null;
            status.set(Status.IDLE);
            refreshSweeps();
        }, failure -> {
            drainEvents();
            control = null;
            status.set(Status.IDLE);
            error.set(UserError.of(I18n.text("sweeps.error.run"), failure));
            refreshSweeps();
        });
    }

    /** The sweep's data: what is loaded now when it came from the same files, otherwise read again. */
    private static ExpressionData dataOf(LoadRequest current, ExpressionData loaded, DataSpec wanted) {
        if (loaded != null && current != null && DataSpec.of(current).equals(wanted)) {
            return loaded;
        }
        return ExpressionLoader.load(wanted.toRequest());
    }

    /** Shows a sweep's trials (on the UI thread). */
    private void show(String id, SweepSpec spec, List<Trial> planned) {
        shownSweepId = id;
        trials.setAll(planned);
        shownSpec.set(spec);
        updateBest();
        revision.set(revision.get() + 1);
    }

    private record Shown(SweepFolder folder, SweepSpec spec, List<Trial> trials, boolean live) {
    }

    /**
     * Shows a sweep from disk. A sweep that workers elsewhere train (submitted to a cluster) is followed live
     * from its folder; any other is shown as it stands, without running it.
     */
    public void open(SweepSummary summary) {
        shownSweepId = summary.id();
        open(summary.name(), () -> sweepStore.open(summary.id()));
    }

    /**
     * Shows the sweep in any folder, such as a shared workspace on a cluster that workers are filling, live
     * when they still train it.
     */
    public void openFolder(Path directory) {
        shownSweepId = directory.getFileName().toString();
        open(shownSweepId, () -> SweepStore.openFolder(directory));
    }

    private void open(String name, java.util.function.Supplier<SweepFolder> opening) {
        followed = null;
        executor.submit(I18n.text("sweeps.opening", name), progress -> {
            SweepFolder folder = opening.get();
            List<Trial> trials = folder.trials();
            if (SweepWatch.isRunByWorkers(folder, trials) && !SweepWatch.hasEnded(folder, trials)) {
                return new Shown(folder, folder.definition().spec(), trials, true);
            }
            // A trial left "running" by a session that ended is not running: it starts again on resume.
            trials = trials.stream().map(trial -> trial.state() == Trial.TrialState.RUNNING
                    ? trial.reset().withState(Trial.TrialState.PENDING, I18n.text("sweeps.interrupted")) : trial)
                    .toList();
            return new Shown(folder, folder.definition().spec(), trials, false);
        }, shown -> {
            show(shown.folder().id(), shown.spec(), shown.trials());
            if (shown.live()) {
                follow(shown.folder());
            }
        }, failure -> error.set(UserError.of(I18n.text("sweeps.error.open", name), failure)));
    }

    /** Updates the table from the sweep's folder while workers elsewhere fill it, until the sweep ends. */
    private void follow(SweepFolder folder) {
        followed = folder;
        following.set(true);
        status.set(Status.RUNNING);
        executor.submit(I18n.text("sweeps.following", folder.id()), job -> SweepWatch.watch(folder, FOLLOW_INTERVAL,
                trials -> executor.runOnUiThread(() -> {
                    if (followed == folder) {
                        showFollowed(folder, trials);
                    }
                }), () -> followed != folder || job.isCancelled()), trials -> endFollowing(folder), failure -> {
                    endFollowing(folder);
                    error.set(UserError.of(I18n.text("sweeps.error.open", folder.id()), failure));
                });
    }

    private void showFollowed(SweepFolder folder, List<Trial> now) {
        trials.setAll(now);
        updateBest();
        revision.set(revision.get() + 1);
        long done = now.stream().filter(Trial::isDone).count();
        long running = now.stream().filter(trial -> trial.state() == Trial.TrialState.RUNNING).count();
        progressText.set(I18n.text(SweepWatch.hasEnded(folder, now) ? "sweeps.progress.followedEnded"
                : "sweeps.progress.following", done, now.size(), running));
    }

    private void endFollowing(SweepFolder folder) {
        if (followed == folder || followed == null) {
            followed = null;
            following.set(false);
            status.set(Status.IDLE);
            refreshSweeps();
        }
    }

    /** True while the table follows a sweep that workers elsewhere train. */
    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    /**
     * Marks the followed sweep as stopping: its workers finish or abandon their trials, as chosen, and take no
     * new one; {@code cancelJob} also cancels the sweep's SLURM job array.
     */
    public void stopWorkers(SweepFolder.StopMode mode, boolean cancelJob) {
        SweepFolder folder = followed;
        if (folder == null) {
            return;
        }
        status.set(Status.STOPPING);
        executor.submit(I18n.text("sweeps.stoppingWorkers"), progress -> {
            folder.requestStop(mode);
            if (cancelJob) {
                folder.job().ifPresent(job -> SlurmJob.cancel(job.id()));
            }
            return folder;
        }, stopped -> { }, failure -> error.set(UserError.of(I18n.text("sweeps.error.stopWorkers"), failure)));
    }

    /** The scheduler job of the followed sweep, for the stop dialog to offer cancelling it. */
    public String followedJob() {
        SweepFolder folder = followed;
        return folder == null ? null : folder.job().map(SlurmJob::id).orElse(null);
    }

    /** Ends the sweep after the current mini-batch; the interrupted trial runs again on resume. */
    public void stop() {
        SweepControl running = control;
        if (running != null) {
            running.stop();
            status.set(Status.STOPPING);
        }
    }

    /** Lists the sweeps on disk; the first time, shows the newest so the page opens on real content. */
    public void refreshSweeps() {
        executor.submit(I18n.text("sweeps.reading"), progress -> sweepStore.list(), list -> {
            sweeps.setAll(list);
            if (shownSweepId == null && !list.isEmpty() && status.get() == Status.IDLE) {
                open(list.get(0));
            }
        }, failure -> error.set(UserError.of(I18n.text("sweeps.error.list"), failure)));
    }

    public void loadSpec(Path file) {
        executor.submit(I18n.text("sweeps.loadingSpec"), progress -> SweepSpec.load(file), this::showInForm,
                failure -> error.set(UserError.of(I18n.text("sweeps.error.loadSpec"), failure)));
    }

    public void saveSpec(Path file) {
        SweepSpec spec;
        try {
            spec = spec();
        } catch (RuntimeException invalid) {
            LOG.warn("Sweep settings not saved: invalid settings", invalid);
            error.set(UserError.of(I18n.text("sweeps.error.spec"), invalid));
            return;
        }
        executor.submit(I18n.text("sweeps.savingSpec"), progress -> {
            spec.save(file);
            return file;
        }, saved -> { }, failure -> error.set(UserError.of(I18n.text("sweeps.error.saveSpec"), failure)));
    }

    /** Writes the ranked trial table as CSV. */
    public void exportTable(Path file) {
        SweepSpec spec = shownSpec.get();
        List<Trial> rows = List.copyOf(trials);
        if (spec == null) {
            return;
        }
        executor.submit(I18n.text("sweeps.exporting"), progress -> {
            SweepFolder.exportCsv(file, spec, rows);
            return file;
        }, saved -> { }, failure -> error.set(UserError.of(I18n.text("sweeps.error.export"), failure)));
    }

    /** Sends a trial's settings to the Model page's editor. */
    public void useConfig(Trial trial) {
        SweepSpec spec = shownSpec.get();
        if (spec == null || trial.values().isEmpty()) {
            return;
        }
        session.presetNameProperty().set(spec.basePreset());
        session.hyperparametersProperty().set(spec.hyperparameters(trial.values()));
    }

    /** Applies queued sweep events to the table and the progress line (call on the UI thread). */
    public void drainEvents() {
        events.drain();
    }

    private void applyBatch(List<SweepEvent> batch) {
        boolean changed = false;
        for (SweepEvent event : batch) {
            changed |= apply(event);
        }
        if (changed) {
            updateBest();
            revision.set(revision.get() + 1);
        }
    }

    private boolean apply(SweepEvent event) {
        if (event instanceof SweepEvent.TrialStarted started) {
            replace(started.trial());
            progressText.set(I18n.text("sweeps.progress.started", started.trial().number(), trials.size(),
                    describe(started.trial())));
            return true;
        }
        if (event instanceof SweepEvent.TrialEnded ended) {
            replace(ended.trial());
            return true;
        }
        if (event instanceof SweepEvent.Training training && training.event() instanceof TrainingEvent.Epoch epoch) {
            Trial trial = trials.stream().filter(t -> t.number() == training.trial()).findFirst().orElse(null);
            if (trial == null) {
                return false;
            }
            List<List<Double>> curves = new ArrayList<>();
            trial.curves().forEach(curve -> curves.add(new ArrayList<>(curve)));
            while (curves.size() <= training.fold()) {
                curves.add(new ArrayList<>());
            }
            SweepSpec spec = shownSpec.get();
            curves.get(training.fold()).add(spec != null && spec.objective() == Objective.VALIDATION_LOSS
                    ? epoch.validationLoss() : epoch.validationAccuracy());
            replace(trial.withResult(trial.state(), trial.runIds(), trial.objective(), curves, trial.epochs() + 1,
                    trial.seconds() + epoch.seconds(), trial.message()));
            progressText.set(I18n.text("sweeps.progress.epoch", training.trial(), trials.size(), epoch.epoch(),
                    String.format(Locale.ROOT, "%.1f %%", 100 * epoch.validationAccuracy())));
            return true;
        }
        if (event instanceof SweepEvent.Finished finished) {
            long done = finished.ranked().stream().filter(Trial::isDone).count();
            progressText.set(I18n.text(finished.stopped() ? "sweeps.progress.stopped" : "sweeps.progress.finished",
                    done, finished.ranked().size()));
            return true;
        }
        return false;
    }

    private void replace(Trial trial) {
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).number() == trial.number()) {
                trials.set(i, trial);
                return;
            }
        }
        trials.add(trial);
    }

    private void updateBest() {
        SweepSpec spec = shownSpec.get();
        List<Trial> ranked = spec == null ? List.of() : Trial.ranked(trials, spec.objective());
        bestTrial.set(!ranked.isEmpty() && ranked.get(0).objective() != null ? ranked.get(0).number() : 0);
    }

    private static String describe(Trial trial) {
        return trial.values().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    public static String objectiveLabel(Objective objective) {
        return Choices.label(objective);
    }

    /** The comparison plots of the trials in the table. */
    public SweepPlots plots() {
        return plots;
    }

    /** The trial table's columns for the sweep shown (trial and state only when none is). */
    public ObservableList<TrialColumns.Column> trialColumns() {
        return trialColumns;
    }

    /** One line for an earlier sweep in the list: its name, progress and best objective. */
    public static String summaryText(SweepSummary sweep) {
        String best = Double.isNaN(sweep.best()) ? "—" : TrialColumns.format(sweep.objective(), sweep.best());
        return I18n.text(sweep.unfinished() ? "sweeps.summary.unfinished" : "sweeps.summary", sweep.name(),
                sweep.done(), sweep.trials(), best);
    }

    public WorkbenchSession session() {
        return session;
    }

    public void dismissError() {
        error.set(null);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<SweepSpec.Strategy> strategyProperty() {
        return strategy;
    }

    public IntegerProperty budgetProperty() {
        return budget;
    }

    public ObjectProperty<Objective> objectiveProperty() {
        return objective;
    }

    public IntegerProperty foldsProperty() {
        return folds;
    }

    public BooleanProperty medianStoppingProperty() {
        return medianStopping;
    }

    public IntegerProperty minEpochsProperty() {
        return minEpochs;
    }

    public ObservableList<ParameterRow> parameters() {
        return parameters;
    }

    public ObservableList<Trial> trials() {
        return trials;
    }

    public ObservableList<SweepSummary> sweeps() {
        return sweeps;
    }

    public ReadOnlyObjectProperty<SweepSpec> shownSpecProperty() {
        return shownSpec.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Number of the best trial so far (0: none yet). */
    public ReadOnlyIntegerProperty bestTrialProperty() {
        return bestTrial.getReadOnlyProperty();
    }

    /** Increases whenever trial results change, so charts know to redraw. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The id of the sweep in the table, or null. */
    public String shownSweepId() {
        return shownSweepId;
    }
}

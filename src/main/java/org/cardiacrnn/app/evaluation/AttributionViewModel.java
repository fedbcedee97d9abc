package org.cardiacrnn.app.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.interpret.AttributionFigures;
import org.cardiacrnn.interpret.AttributionReport;
import org.cardiacrnn.interpret.Attributor;
import org.cardiacrnn.interpret.Baseline;
import org.cardiacrnn.interpret.ClassAttribution;
import org.cardiacrnn.interpret.Evidence;
import org.cardiacrnn.interpret.GeneScore;
import org.cardiacrnn.interpret.SequenceAttribution;
import org.cardiacrnn.runs.SavedRun;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.sequences.SequenceDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Per-class attributions of the current run on its test split: integrated gradients run as a background job
 * (progress, cancel); then a class's top genes by all their evidence, by the evidence from raised expression (its
 * markers) or from lowered expression, those genes over time, and a searchable ranking whose rows open a gene's
 * plot over time on the Data page.
 */
public final class AttributionViewModel {

    /**
     * One gene of the selected class's ranking.
     *
     * @param raisedAttribution  evidence from expression above the baseline
     * @param loweredAttribution evidence from expression below it; the two add up to {@code meanAttribution}
     */
    public record GeneRow(int rank, String gene, double raisedAttribution, double loweredAttribution,
                          double meanAttribution, double meanAbsoluteAttribution) {
    }

    static final int TOP = 20;

    private final WorkbenchSession session;
    private final TaskExecutor executor;
    private final Function<RunResult, MultiLayerNetwork> networks;
    private final ReadOnlyObjectWrapper<AttributionReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> classNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedClass = new SimpleObjectProperty<>();
    private final ObjectProperty<Evidence> ranking = new SimpleObjectProperty<>(Evidence.ALL);
    private final ObjectProperty<Baseline.Kind> baseline = new SimpleObjectProperty<>(Baseline.Kind.TIME_MATCHED);
    private final ReadOnlyObjectWrapper<Figure> rankedBars = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Figure> topGenesOverTime = new ReadOnlyObjectWrapper<>();
    private final ObservableList<GeneRow> allGenes = FXCollections.observableArrayList();
    private final FilteredList<GeneRow> genes = new FilteredList<>(allGenes);
    private final StringProperty geneFilter = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> sequenceClassChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> sequenceClass = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Figure> sequenceHeatmap = new ReadOnlyObjectWrapper<>();
    private int sequenceIndex = -1;
    private TaskExecutor.Cancellable job;
    private Consumer<String> geneOpener = gene -> { };

    /** Reads the network of a run from its folder ({@code model.zip}). */
    public AttributionViewModel(WorkbenchSession session, TaskExecutor executor) {
        this(session, executor, run -> SavedRun.open(run.directory()).model().network());
    }

    /** @param networks how to get the trained network of a run (tests hand one in) */
    public AttributionViewModel(WorkbenchSession session, TaskExecutor executor,
                                Function<RunResult, MultiLayerNetwork> networks) {
        this.session = session;
        this.executor = executor;
        this.networks = networks;
        session.currentRunProperty().addListener((obs, old, run) -> clear());
        sequenceClass.addListener((obs, old, name) -> attributeSequence(sequenceIndex));
        selectedClass.addListener((obs, old, name) -> showClass());
        ranking.addListener((obs, old, evidence) -> {
            if (evidence == null) {
                ranking.set(Evidence.ALL);
            } else {
                showClass();
            }
        });
        baseline.addListener((obs, old, kind) -> {
            if (kind == null) {
                baseline.set(Baseline.Kind.TIME_MATCHED);
                return;
            }
            // Attributions against another reference are other numbers: what is shown is measured again.
            if (report.get() != null || running.get()) {
                cancel();
                computeAttributions();
            }
            if (sequenceHeatmap.get() != null) {
                attributeSequence(sequenceIndex);
            }
        });
        geneFilter.addListener((obs, old, text) -> {
            String query = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
            genes.setPredicate(row -> query.isEmpty() || row.gene().toUpperCase(Locale.ROOT).contains(query));
        });
    }

    /** Where a gene row leads: the Data page's plot of the gene over time. */
    public void setGeneOpener(Consumer<String> geneOpener) {
        this.geneOpener = geneOpener;
    }

    /** Starts integrated gradients (32 steps, from the chosen baseline) over the current run's test split. */
    public void computeAttributions() {
        RunResult run = session.currentRunProperty().get();
        if (run == null || run.testSet() == null) {
            status.set(I18n.text("attribution.noTestSet"));
            return;
        }
        running.set(true);
        status.set(I18n.text("attribution.running"));
        Baseline.Kind kind = baseline.get();
        PreparedData prepared = session.preparedDataProperty().get();
        job = executor.submit(I18n.text("attribution.running"), progress -> {
            Attributor attributor = new Attributor(networks.apply(run));
            Reference reference = reference(kind, run.testSet(), prepared);
            Attributor.Settings settings = Attributor.Settings.defaults(reference.baseline());
            return new Outcome(AttributionReport.compute(attributor, run.testSet(), true, settings,
                    (done, total) -> progress.update((double) done / total,
                            I18n.text("attribution.progress", done, total)),
                    progress::isCancelled), reference.fallback());
        }, this::show, failure -> {
            running.set(false);
            status.set("");
            error.set(UserError.of(I18n.text("attribution.failed"), failure));
        });
    }

    /**
     * Attributes one test sequence for the class chosen in {@link #sequenceClassProperty()} (the predicted class
     * when none or "predicted" is chosen) and shows its most important genes over time.
     */
    public void attributeSequence(int index) {
        sequenceIndex = index;
        RunResult run = session.currentRunProperty().get();
        if (run == null || run.testSet() == null || index < 0 || index >= run.testSet().sequenceCount()) {
            sequenceHeatmap.set(null);
            return;
        }
        List<String> classes = run.testSet().classNames();
        if (sequenceClassChoices.size() != classes.size() + 1) {
            List<String> choices = new ArrayList<>(List.of(I18n.text("attribution.sequence.predicted")));
            choices.addAll(classes);
            sequenceClassChoices.setAll(choices);
        }
        int chosen = sequenceClass.get() == null ? -1 : classes.indexOf(sequenceClass.get());
        Baseline.Kind kind = baseline.get();
        PreparedData prepared = session.preparedDataProperty().get();
        executor.submit(I18n.text("attribution.sequence.running"), progress -> {
            Attributor attributor = new Attributor(networks.apply(run));
            int target = chosen >= 0 ? chosen
                    : attributor.predict(run.testSet().subset(new int[] {index}))[0];
            Baseline used = reference(kind, run.testSet(), prepared).baseline();
            SequenceAttribution result = attributor.attribute(run.testSet(), index, target,
                    Attributor.Settings.defaults(used));
            return AttributionFigures.sequenceHeatmap(I18n.text("attribution.sequence.title", index + 1,
                    classes.get(target), I18n.text(switch (used.kind()) {
                        case TIME_MATCHED -> "attribution.against.timeMatched";
                        case TRAINING_MEAN -> "attribution.against.trainingMean";
                        case BLURRED -> "attribution.against.blurred";
                    })), result, run.testSet().featureNames(), TOP);
        }, sequenceHeatmap::set, failure -> error.set(UserError.of(I18n.text("attribution.failed"), failure)));
    }

    /** The baseline an attribution job used, and why it is not the one chosen (null when it is). */
    private record Reference(Baseline baseline, String fallback) {
    }

    /** A finished attribution of the test split and its baseline's fallback reason, if any. */
    private record Outcome(AttributionReport report, String fallback) {
    }

    /**
     * The chosen baseline for the run's test split (every sequence, per-class view and single heatmap alike, is
     * measured against the same reference); the time-matched one falls back to the training mean where it has
     * nothing to compare with, saying why. Runs in the background job, on what the UI thread captured.
     */
    private static Reference reference(Baseline.Kind kind, SequenceDataset test, PreparedData prepared) {
        return switch (kind) {
            case TIME_MATCHED -> {
                String unavailable = Baseline.timeMatchedUnavailable(test, true);
                yield unavailable == null ? new Reference(Baseline.timeMatched(test, true), null)
                        : new Reference(trainingMean(test, prepared), unavailable);
            }
            case TRAINING_MEAN -> new Reference(trainingMean(test, prepared), null);
            case BLURRED -> new Reference(Baseline.blurred(), null);
        };
    }

    /**
     * The training split's gene means when the prepared data of this session match the run's genes; otherwise
     * zero, which is the training mean of z-scored data (the default preprocessing).
     */
    private static Baseline trainingMean(SequenceDataset test, PreparedData prepared) {
        if (prepared != null && prepared.train().featureNames().equals(test.featureNames())) {
            return Baseline.trainingMean(prepared.train());
        }
        return Baseline.zero(test.featureCount());
    }

    /** Asks a running attribution to stop after its current batch. */
    public void cancel() {
        if (job != null && running.get()) {
            job.cancel();
            running.set(false);
            status.set(I18n.text("attribution.cancelled"));
        }
    }

    /** Opens the gene of a ranking row on the Data page. */
    public void openGene(GeneRow row) {
        if (row != null) {
            geneOpener.accept(row.gene());
        }
    }

    public void dismissError() {
        error.set(null);
    }

    private void show(Outcome outcome) {
        AttributionReport result = outcome.report();
        running.set(false);
        report.set(result);
        status.set(outcome.fallback() != null
                ? I18n.text("attribution.done.fallback", result.sequences().size(), outcome.fallback())
                : I18n.text(switch (result.settings().baseline().kind()) {
                    case TIME_MATCHED -> "attribution.done";
                    case TRAINING_MEAN -> "attribution.done.trainingMean";
                    case BLURRED -> "attribution.done.blurred";
                }, result.sequences().size()));
        classNames.setAll(result.classNames());
        selectedClass.set(null);
        selectedClass.set(result.classNames().get(0));
    }

    private void clear() {
        cancel();
        sequenceIndex = -1;
        sequenceHeatmap.set(null);
        report.set(null);
        classNames.clear();
        selectedClass.set(null);
        status.set("");
    }

    private void showClass() {
        AttributionReport current = report.get();
        int index = current == null || selectedClass.get() == null ? -1
                : current.classNames().indexOf(selectedClass.get());
        if (index < 0) {
            rankedBars.set(null);
            topGenesOverTime.set(null);
            allGenes.clear();
            return;
        }
        ClassAttribution summary = current.classes().get(index);
        Evidence evidence = ranking.get();
        rankedBars.set(AttributionFigures.rankedBars(summary, evidence, TOP));
        topGenesOverTime.set(AttributionFigures.topGenesOverTime(summary, evidence, TOP));
        allGenes.setAll(summary.ranking(evidence).stream().map(AttributionViewModel::row).toList());
    }

    private static GeneRow row(GeneScore score) {
        return new GeneRow(score.rank(), score.gene(), score.raisedAttribution(), score.loweredAttribution(),
                score.meanAttribution(), score.meanAbsoluteAttribution());
    }

    /** "predicted", then every class: which class a single sequence's attributions explain. */
    public ObservableList<String> sequenceClassChoices() {
        return sequenceClassChoices;
    }

    public ObjectProperty<String> sequenceClassProperty() {
        return sequenceClass;
    }

    /** The attributions of the sequence last given to {@link #attributeSequence(int)}. */
    public ReadOnlyObjectProperty<Figure> sequenceHeatmapProperty() {
        return sequenceHeatmap.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AttributionReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<String> classNames() {
        return classNames;
    }

    public ObjectProperty<String> selectedClassProperty() {
        return selectedClass;
    }

    /** The reference the attributions are measured against; changing it measures shown attributions again. */
    public ObjectProperty<Baseline.Kind> baselineProperty() {
        return baseline;
    }

    /**
     * Which evidence ranks the genes: all of it (the signed attribution, the default), raised expression (the
     * class's markers) or lowered expression (genes whose low level argues for the class).
     */
    public ObjectProperty<Evidence> rankingProperty() {
        return ranking;
    }

    public ReadOnlyObjectProperty<Figure> rankedBarsProperty() {
        return rankedBars.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Figure> topGenesOverTimeProperty() {
        return topGenesOverTime.getReadOnlyProperty();
    }

    /** The selected class's genes in rank order, narrowed by {@link #geneFilterProperty()}. */
    public ObservableList<GeneRow> genes() {
        return genes;
    }

    public StringProperty geneFilterProperty() {
        return geneFilter;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}

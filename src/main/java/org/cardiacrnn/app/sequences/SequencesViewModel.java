package org.cardiacrnn.app.sequences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.SequenceHeat;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.cardiacrnn.sequences.ColumnRoles;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.sequences.SequenceConfig;
import org.cardiacrnn.sequences.SequenceDataset;
import org.cardiacrnn.sequences.SplitConfig;

/**
 * The Sequences page: how samples become sequences (builder, window), how sequences are split, how
 * expression is preprocessed, and what came out (split sizes, class balance, leakage in plain words).
 */
public final class SequencesViewModel {

    private static final int HEATMAP_FEATURES = 25;

    private final javafx.beans.property.ReadOnlyObjectWrapper<Protocol> protocol =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(Protocol.NONE);
    private final WorkbenchSession session;
    private final TaskExecutor executor;

    private final ObjectProperty<SequenceConfig.Builder> builder =
            new SimpleObjectProperty<>(SequenceConfig.Builder.SLIDING_WINDOW);
    private final IntegerProperty windowLength = new SimpleIntegerProperty(10);
    private final IntegerProperty stride = new SimpleIntegerProperty(1);
    private final ObjectProperty<SequenceConfig.MissingTimePoints> missingTimePoints =
            new SimpleObjectProperty<>(SequenceConfig.MissingTimePoints.INTERPOLATE);
    private final ObjectProperty<SplitConfig.Kind> splitKind = new SimpleObjectProperty<>(SplitConfig.Kind.GROUPED);
    private final DoubleProperty trainFraction = new SimpleDoubleProperty(0.7);
    private final DoubleProperty validationFraction = new SimpleDoubleProperty(0.15);
    private final DoubleProperty testFraction = new SimpleDoubleProperty(0.15);
    private final BooleanProperty validationIsTest = new SimpleBooleanProperty(false);
    private final IntegerProperty seed = new SimpleIntegerProperty(42);
    private final ObjectProperty<PreprocessingConfig.LibraryNormalisation> normalisation =
            new SimpleObjectProperty<>(PreprocessingConfig.LibraryNormalisation.CPM);
    private final BooleanProperty log1p = new SimpleBooleanProperty(true);
    private final ObjectProperty<PreprocessingConfig.Scaling> scaling =
            new SimpleObjectProperty<>(PreprocessingConfig.Scaling.Z_SCORE);
    private final IntegerProperty topGenes = new SimpleIntegerProperty(2000);

    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper splitSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper leakage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper leaks = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper("");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Map<String, long[]>> classBalance = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty shownSequence = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<SequenceHeat> sequenceHeat = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();

    public SequencesViewModel(WorkbenchSession session, TaskExecutor executor) {
        this.session = session;
        this.executor = executor;
        session.preparedDataProperty().addListener((obs, old, prepared) -> showPrepared(prepared));
        // New data start from the engine's recommendation, as the CLI and a direct "Train" do.
        session.datasetProperty().addListener((obs, old, data) -> useRecommended());
        if (session.datasetProperty().get() != null) {
            useRecommended();
        }
        shownSequence.addListener((obs, old, index) -> refreshHeat());
        for (javafx.beans.Observable setting : List.of(builder, windowLength, stride, splitKind, trainFraction,
                validationFraction, testFraction, validationIsTest, session.timeColumnProperty(),
                session.labelColumnProperty(), session.groupColumnProperty())) {
            setting.addListener(changed -> refreshProtocol());
        }
        refreshProtocol();
    }

    /** Fills the settings with the published methodology: windows of 10, random 80/20, test = validation. */
    public void usePublishedProtocol() {
        ExpressionData data = session.datasetProperty().get();
        applySafely(() -> PreparationConfig.methodology(session.timeColumnProperty().get(),
                session.labelColumnProperty().get()).withPreprocessing(data == null ? PreprocessingConfig.defaults()
                : PreparationConfig.recommendedPreprocessing(data.matrix())));
    }

    /** Fills the settings with a leakage-free protocol: whole groups (or time blocks) per split, own validation. */
    public void useLeakageFreeProtocol() {
        useRecommended();
    }

    private void useRecommended() {
        ExpressionData data = session.datasetProperty().get();
        if (data == null) {
            return;
        }
        applySafely(() -> PreparationConfig.recommended(data, new ColumnRoles(session.timeColumnProperty().get(),
                session.labelColumnProperty().get(), session.groupColumnProperty().get())));
    }

    private void applySafely(java.util.function.Supplier<PreparationConfig> protocol) {
        try {
            apply(protocol.get());
            validationMessage.set("");
        } catch (WorkbenchException | IllegalArgumentException missingRole) {
            validationMessage.set(missingRole.getMessage());
        }
    }

    /** Which protocol the settings follow now, so its button can show it; NONE once a setting departs from both. */
    public enum Protocol { PUBLISHED, LEAKAGE_FREE, NONE }

    public javafx.beans.property.ReadOnlyObjectProperty<Protocol> protocolProperty() {
        return protocol.getReadOnlyProperty();
    }

    private void refreshProtocol() {
        protocol.set(matches(config -> config.sequences().builder() == builder.get()
                        && config.sequences().windowLength() == windowLength.get()
                        && config.sequences().stride() == stride.get()
                        && config.split().kind() == splitKind.get()
                        && config.split().trainFraction() == trainFraction.get()
                        && config.split().validationFraction() == validationFraction.get()
                        && config.split().testFraction() == testFraction.get()
                        && config.split().validationIsTest() == validationIsTest.get()));
    }

    private Protocol matches(java.util.function.Predicate<PreparationConfig> same) {
        String time = session.timeColumnProperty().get();
        String label = session.labelColumnProperty().get();
        try {
            if (same.test(PreparationConfig.methodology(time, label))) {
                return Protocol.PUBLISHED;
            }
            if (same.test(PreparationConfig.leakageFree(time, label, session.groupColumnProperty().get()))) {
                return Protocol.LEAKAGE_FREE;
            }
        } catch (WorkbenchException | IllegalArgumentException rolesMissing) {
            // Without time and class columns neither protocol can be built, so none is active.
        }
        return Protocol.NONE;
    }

    private void apply(PreparationConfig config) {
        normalisation.set(config.preprocessing().libraryNormalisation());
        log1p.set(config.preprocessing().log1p());
        scaling.set(config.preprocessing().scaling());
        topGenes.set(config.preprocessing().topVariableGenes());
        builder.set(config.sequences().builder());
        windowLength.set(config.sequences().windowLength());
        stride.set(config.sequences().stride());
        splitKind.set(config.split().kind());
        trainFraction.set(config.split().trainFraction());
        validationFraction.set(config.split().validationFraction());
        testFraction.set(config.split().testFraction());
        validationIsTest.set(config.split().validationIsTest());
        refreshProtocol();
    }

    /** The settings as the engine's configuration; throws with a field-naming message when one is invalid. */
    public PreparationConfig config() {
        PreprocessingConfig preprocessing = new PreprocessingConfig(PreprocessingConfig.MissingValues.INTERPOLATE,
                normalisation.get(), log1p.get(), scaling.get(), 3.0, topGenes.get());
        SequenceConfig sequences = new SequenceConfig(builder.get(), windowLength.get(), stride.get(),
                session.timeColumnProperty().get(), session.labelColumnProperty().get(),
                session.groupColumnProperty().get(), missingTimePoints.get());
        SplitConfig split = new SplitConfig(splitKind.get(), trainFraction.get(), validationFraction.get(),
                testFraction.get(), seed.get(), 5, validationIsTest.get());
        return new PreparationConfig(preprocessing, sequences, split);
    }

    /** Builds sequences and splits from the current dataset in the background. */
    public void prepare() {
        ExpressionData data = session.datasetProperty().get();
        if (data == null) {
            validationMessage.set(I18n.text("sequences.needData"));
            return;
        }
        PreparationConfig config;
        try {
            config = config();
        } catch (WorkbenchException | IllegalArgumentException invalid) {
            validationMessage.set(invalid.getMessage());
            return;
        }
        validationMessage.set("");
        preparing.set(true);
        executor.submit(I18n.text("sequences.preparing"), progress -> DatasetPreparation.prepare(data, config),
                prepared -> {
                    preparing.set(false);
                    session.preparationConfigProperty().set(config);
                    session.preparedDataProperty().set(prepared);
                }, failure -> {
                    preparing.set(false);
                    error.set(UserError.of(I18n.text("sequences.error"), failure));
                });
    }

    private void showPrepared(PreparedData prepared) {
        warnings.clear();
        if (prepared == null) {
            splitSummary.set("");
            leakage.set("");
            leaks.set(false);
            classBalance.set(null);
            sequenceHeat.set(null);
            return;
        }
        SequenceDataset train = prepared.train();
        splitSummary.set(prepared.validationIsTest()
                ? I18n.text("sequences.summary.validationIsTest", train.sequenceCount(),
                        prepared.test().sequenceCount(), train.timeSteps(), train.featureCount())
                : I18n.text("sequences.summary", train.sequenceCount(), prepared.validation().sequenceCount(),
                        prepared.test().sequenceCount(), train.timeSteps(), train.featureCount()));
        // The banner is green only when no sample is shared AND every split holds its classes in about their share.
        leakage.set(prepared.splitsFine() || !prepared.leakage().clean() ? prepared.leakage().plainWords()
                : String.join(" ", prepared.balance().warnings()));
        leaks.set(!prepared.splitsFine());
        // The banner's sentence stands apart; the list holds the other notes, class counts included.
        List<String> notes = new java.util.ArrayList<>(prepared.warnings().stream()
                .filter(w -> !w.equals(prepared.leakage().plainWords())).toList());
        notes.add(prepared.balance().plainWords());
        warnings.setAll(notes);
        Map<String, long[]> balance = new LinkedHashMap<>();
        balance.put(I18n.text("sequences.split.train"), counts(train));
        if (!prepared.validationIsTest()) {
            balance.put(I18n.text("sequences.split.validation"), counts(prepared.validation()));
        }
        balance.put(I18n.text("sequences.split.test"), counts(prepared.test()));
        classBalance.set(balance);
        shownSequence.set(0);
        refreshHeat();
    }

    private static long[] counts(SequenceDataset dataset) {
        int[] counts = dataset.classCounts();
        long[] wide = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            wide[i] = counts[i];
        }
        return wide;
    }

    private void refreshHeat() {
        PreparedData prepared = session.preparedDataProperty().get();
        if (prepared == null || prepared.train().sequenceCount() == 0) {
            sequenceHeat.set(null);
            return;
        }
        SequenceDataset train = prepared.train();
        int index = Math.max(0, Math.min(shownSequence.get(), train.sequenceCount() - 1));
        sequenceHeat.set(SequenceHeat.of(train, index, HEATMAP_FEATURES, I18n.text("sequences.heat.title", index + 1,
                train.groupIds().get(index), train.classNames().get(train.label(index)))));
    }

    /**
     * The shown sequence's heatmap title, short enough for one line: the pane's heading above it names the group
     * too, and a title wrapping onto two lines ran into the heatmap's first row.
     */
    public String heatChartTitle() {
        PreparedData prepared = session.preparedDataProperty().get();
        if (prepared == null || prepared.train().sequenceCount() == 0) {
            return "";
        }
        SequenceDataset train = prepared.train();
        int index = Math.max(0, Math.min(shownSequence.get(), train.sequenceCount() - 1));
        return I18n.text("sequences.heat.chartTitle", index + 1, train.classNames().get(train.label(index)));
    }

    public void dismissError() {
        error.set(null);
    }

    public ObjectProperty<SequenceConfig.Builder> builderProperty() { return builder; }
    public IntegerProperty windowLengthProperty() { return windowLength; }
    public IntegerProperty strideProperty() { return stride; }
    public ObjectProperty<SequenceConfig.MissingTimePoints> missingTimePointsProperty() { return missingTimePoints; }
    public ObjectProperty<SplitConfig.Kind> splitKindProperty() { return splitKind; }
    public DoubleProperty trainFractionProperty() { return trainFraction; }
    public DoubleProperty validationFractionProperty() { return validationFraction; }
    public DoubleProperty testFractionProperty() { return testFraction; }
    public BooleanProperty validationIsTestProperty() { return validationIsTest; }
    public IntegerProperty seedProperty() { return seed; }
    public ObjectProperty<PreprocessingConfig.LibraryNormalisation> normalisationProperty() { return normalisation; }
    public BooleanProperty log1pProperty() { return log1p; }
    public ObjectProperty<PreprocessingConfig.Scaling> scalingProperty() { return scaling; }
    public IntegerProperty topGenesProperty() { return topGenes; }
    public ReadOnlyBooleanProperty preparingProperty() { return preparing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty splitSummaryProperty() { return splitSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty leakageProperty() { return leakage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty leaksProperty() { return leaks.getReadOnlyProperty(); }
    public ReadOnlyStringProperty validationMessageProperty() { return validationMessage.getReadOnlyProperty(); }
    public ObservableList<String> warnings() { return warnings; }
    public ReadOnlyObjectProperty<Map<String, long[]>> classBalanceProperty() {
        return classBalance.getReadOnlyProperty();
    }
    public IntegerProperty shownSequenceProperty() { return shownSequence; }
    public ReadOnlyObjectProperty<SequenceHeat> sequenceHeatProperty() { return sequenceHeat.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<UserError> errorProperty() { return error.getReadOnlyProperty(); }
    public WorkbenchSession session() { return session; }
}

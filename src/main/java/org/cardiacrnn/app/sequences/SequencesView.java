package org.cardiacrnn.app.sequences;

import static org.cardiacrnn.app.common.Forms.combo;
import static org.cardiacrnn.app.common.Forms.form;
import static org.cardiacrnn.app.common.Forms.fractionSpinner;
import static org.cardiacrnn.app.common.Forms.intSpinner;
import static org.cardiacrnn.app.common.Forms.row;
import static org.cardiacrnn.app.common.Forms.titled;

import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.WrappingCells;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.PageView;
import org.cardiacrnn.figures.DataCharts;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.cardiacrnn.sequences.SequenceConfig;
import org.cardiacrnn.sequences.SplitConfig;

/** The Sequences page: turn samples into sequences, split them, and check the result. */
public final class SequencesView extends BorderPane implements PageView {

    private final SequencesViewModel viewModel;
    private final Button prepare = new Button(I18n.text("sequences.prepare"), AppIcon.SEQUENCES.node());
    private final Label empty = new Label(I18n.text("sequences.empty"));
    private VBox results;

    public SequencesView(SequencesViewModel viewModel, Function<String, ChartPane> charts) {
        this.viewModel = viewModel;
        setId("sequencesPage");
        getStyleClass().add("page");
        ScrollPane scroller = new ScrollPane(settings());
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        BorderPane settings = new BorderPane(scroller);
        settings.setBottom(prepareBar());
        settings.setMinWidth(460);
        settings.setPrefWidth(470);
        SplitPane split = new SplitPane(settings, results(charts));
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(settings, false);
        setCenter(split);
        ErrorDialog.showErrorsOf(this, viewModel.errorProperty(), viewModel::dismissError);
    }

    /** What the page shows depends on the session's dataset and sequences, which outlive the page. */
    @Override
    public Subscription onAttach() {
        return Subscription.combine(
                PageView.bind(prepare.disableProperty(), viewModel.preparingProperty()
                        .or(viewModel.session().datasetProperty().isNull())),
                PageView.bind(empty.visibleProperty(), viewModel.session().preparedDataProperty().isNull()),
                PageView.bind(results.visibleProperty(), viewModel.session().preparedDataProperty().isNotNull()));
    }

    private Node settings() {
        // Toggle buttons that follow the settings: the active protocol stays pressed until a setting departs from it.
        ToggleButton published = new ToggleButton(I18n.text("sequences.protocol.published"));
        published.setId("publishedProtocol");
        published.setMaxWidth(Double.MAX_VALUE);
        published.setOnAction(event -> viewModel.usePublishedProtocol());
        ToggleButton leakageFree = new ToggleButton(I18n.text("sequences.protocol.leakageFree"));
        leakageFree.setId("leakageFreeProtocol");
        leakageFree.setMaxWidth(Double.MAX_VALUE);
        leakageFree.setOnAction(event -> viewModel.useLeakageFreeProtocol());
        Runnable showProtocol = () -> {
            published.setSelected(viewModel.protocolProperty().get() == SequencesViewModel.Protocol.PUBLISHED);
            leakageFree.setSelected(viewModel.protocolProperty().get() == SequencesViewModel.Protocol.LEAKAGE_FREE);
        };
        viewModel.protocolProperty().addListener((obs, old, now) -> showProtocol.run());
        published.selectedProperty().addListener((obs, old, now) -> showProtocol.run());
        leakageFree.selectedProperty().addListener((obs, old, now) -> showProtocol.run());
        showProtocol.run();
        Label protocolHint = new Label(I18n.text("sequences.protocol.hint"));
        protocolHint.setWrapText(true);
        protocolHint.getStyleClass().add("empty-hint");
        VBox protocol = new VBox(6, published, leakageFree, protocolHint);

        GridPane sequences = form();
        row(sequences, 0, "sequences.builder", combo("sequenceBuilder", viewModel.builderProperty(),
                SequenceConfig.Builder.values()));
        row(sequences, 1, "sequences.window", intSpinner("windowLength", viewModel.windowLengthProperty(), 2, 100));
        row(sequences, 2, "sequences.stride", intSpinner("stride", viewModel.strideProperty(), 1, 100));
        row(sequences, 3, "sequences.missing", combo("missingTimePoints", viewModel.missingTimePointsProperty(),
                SequenceConfig.MissingTimePoints.values()));

        GridPane split = form();
        row(split, 0, "sequences.split.kind", combo("splitKind", viewModel.splitKindProperty(),
                SplitConfig.Kind.values()));
        row(split, 1, "sequences.split.train", fractionSpinner("trainFraction", viewModel.trainFractionProperty()));
        row(split, 2, "sequences.split.validation", fractionSpinner("validationFraction",
                viewModel.validationFractionProperty()));
        row(split, 3, "sequences.split.test", fractionSpinner("testFraction", viewModel.testFractionProperty()));
        CheckBox validationIsTest = new CheckBox(I18n.text("sequences.split.validationIsTest"));
        validationIsTest.setWrapText(true);
        validationIsTest.setId("validationIsTest");
        validationIsTest.selectedProperty().bindBidirectional(viewModel.validationIsTestProperty());
        split.add(validationIsTest, 0, 4, 2, 1);
        row(split, 5, "sequences.split.seed", intSpinner("splitSeed", viewModel.seedProperty(), 0, Integer.MAX_VALUE));

        GridPane preprocessing = form();
        row(preprocessing, 0, "sequences.pre.normalisation", combo("normalisation", viewModel.normalisationProperty(),
                PreprocessingConfig.LibraryNormalisation.values()));
        CheckBox log1p = new CheckBox(I18n.text("sequences.pre.log1p"));
        log1p.selectedProperty().bindBidirectional(viewModel.log1pProperty());
        preprocessing.add(log1p, 0, 1, 2, 1);
        row(preprocessing, 2, "sequences.pre.scaling", combo("scaling", viewModel.scalingProperty(),
                PreprocessingConfig.Scaling.values()));
        row(preprocessing, 3, "sequences.pre.topGenes", intSpinner("topGenes", viewModel.topGenesProperty(), 0,
                100000));

        VBox box = new VBox(10,
                titled("sequences.section.protocol", protocol),
                titled("sequences.section.sequences", sequences),
                titled("sequences.section.split", split),
                titled("sequences.section.preprocessing", preprocessing));
        box.setPadding(new Insets(12, 24, 12, 12));
        return box;
    }

    private Node prepareBar() {
        prepare.setId("prepareSequences");
        prepare.getStyleClass().add("accent");
        prepare.setMaxWidth(Double.MAX_VALUE);
        prepare.setOnAction(event -> viewModel.prepare());
        Label invalid = new Label();
        invalid.setId("sequencesValidation");
        invalid.getStyleClass().add("validation-message");
        invalid.setWrapText(true);
        invalid.textProperty().bind(viewModel.validationMessageProperty());

        VBox bar = new VBox(6, prepare, invalid);
        bar.setPadding(new Insets(10, 12, 10, 12));
        bar.getStyleClass().add("action-bar");
        return bar;
    }

    private Node results(Function<String, ChartPane> charts) {
        Label summary = new Label();
        summary.setId("splitSummary");
        summary.getStyleClass().add("headline");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.splitSummaryProperty());
        Label leakage = new Label();
        leakage.setId("leakageMessage");
        leakage.setWrapText(true);
        leakage.textProperty().bind(viewModel.leakageProperty());
        leakage.graphicProperty().bind(javafx.beans.binding.Bindings.when(viewModel.leaksProperty())
                .then((Node) AppIcon.WARNING.node()).otherwise((Node) AppIcon.CHECK.node()));
        viewModel.leaksProperty().addListener((obs, old, leaks) -> {
            leakage.getStyleClass().removeAll("leak-warning", "leak-ok");
            leakage.getStyleClass().add(leaks ? "leak-warning" : "leak-ok");
        });
        leakage.visibleProperty().bind(viewModel.leakageProperty().isNotEmpty());
        ListView<String> warnings = new ListView<>(viewModel.warnings());
        warnings.setId("sequenceWarnings");
        // Wrapped, so a note is read whole (the split's real shares among them), not scrolled sideways.
        WrappingCells.install(warnings);
        warnings.setPrefHeight(90);
        warnings.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.warnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());

        ChartPane balance = charts.apply("classBalanceChart");
        viewModel.classBalanceProperty().addListener((obs, old, counts) -> balance.show(
                I18n.text("sequences.balance"), counts == null ? null : DataCharts.classBalance(
                        viewModel.session().preparedDataProperty().get().classNames(), counts)));
        ChartPane heat = charts.apply("sequenceHeatChart");
        viewModel.sequenceHeatProperty().addListener((obs, old, shown) -> heat.show(
                shown == null ? "" : shown.title(), shown == null ? null
                        : DataCharts.sequenceHeatmap(viewModel.heatChartTitle(), shown.values(), shown.features(),
                                shown.timeLabels())));
        Spinner<Integer> index = new Spinner<>(1, 100000, 1);
        index.setId("shownSequence");
        index.setEditable(true);
        index.setPrefWidth(100);
        index.valueProperty().addListener((obs, old, value) -> viewModel.shownSequenceProperty().set(value - 1));
        Label pick = new Label(I18n.text("sequences.heat.pick"));
        pick.setMinWidth(Region.USE_PREF_SIZE);
        HBox heatBar = new HBox(8, pick, index);
        heatBar.setAlignment(Pos.CENTER_LEFT);
        VBox heatBox = new VBox(4, heatBar, heat);
        VBox.setVgrow(heat, Priority.ALWAYS);

        SplitPane charts2 = new SplitPane(balance, heatBox);
        results = new VBox(10, summary, leakage, warnings, charts2);
        VBox.setVgrow(charts2, Priority.ALWAYS);
        results.setPadding(new Insets(12));
        empty.getStyleClass().add("empty-hint");
        empty.setWrapText(true);
        return new javafx.scene.layout.StackPane(results, empty);
    }
}

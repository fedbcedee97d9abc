package org.cardiacrnn.app.runs;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.util.Subscription;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.FlowToolBar;
import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.ColumnWidths;
import org.cardiacrnn.app.common.Choices;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.PageView;
import org.cardiacrnn.figures.SweepCharts;
import org.cardiacrnn.runs.RunSummary;

/** The Runs page: the history of runs on disk. */
public final class RunsView extends BorderPane implements PageView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final TableView<RunSummary> table;
    private final RunsViewModel viewModel;

    public RunsView(RunsViewModel viewModel, Function<String, ChartPane> charts, Runnable afterOpen,
                    Runnable showEditor) {
        this.viewModel = viewModel;
        setId("runsPage");
        getStyleClass().add("page");
        table = new TableView<>(viewModel.runs());
        table.setId("runsTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(I18n.text("runs.empty")));
        table.getColumns().add(column("runs.column.date",
                run -> run.startedAt() == null ? "" : WHEN.format(run.startedAt()), 140));
        table.getColumns().add(column("runs.column.name", RunSummary::name, 180));
        table.getColumns().add(column("runs.column.preset", RunSummary::preset, 90));
        table.getColumns().add(column("runs.column.settings", run -> run.hyperparameters().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")), 260));
        table.getColumns().add(column("runs.column.validation", run -> percent(run.bestValidationAccuracy()), 110));
        table.getColumns().add(column("runs.column.test", run -> percent(run.testAccuracy()), 90));
        table.getColumns().add(column("runs.column.duration", run -> duration(run.duration()), 80));
        table.getColumns().add(column("runs.column.status", run -> Choices.label(run.state()), 100));
        ColumnWidths.fitToContent(table);
        table.setRowFactory(view -> {
            var row = new javafx.scene.control.TableRow<RunSummary>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                    afterOpen.run();
                }
            });
            return row;
        });

        Button refresh = new Button(I18n.text("runs.refresh"));
        refresh.setId("refreshRuns");
        refresh.setOnAction(event -> viewModel.refresh());
        Button open = new Button(I18n.text("runs.open"), AppIcon.OPEN.node());
        open.setId("openRun");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(event -> {
            viewModel.open(table.getSelectionModel().getSelectedItem());
            afterOpen.run();
        });
        Button compare = new Button(I18n.text("runs.compare"), AppIcon.EVALUATION.node());
        compare.setId("compareRuns");
        compare.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        compare.setOnAction(event -> viewModel.compare(table.getSelectionModel().getSelectedItems()));
        Button useSettings = new Button(I18n.text("runs.useSettings"), AppIcon.COPY.node());
        useSettings.setId("cloneRun");
        useSettings.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        useSettings.setOnAction(event -> {
            viewModel.useSettings(table.getSelectionModel().getSelectedItem());
            showEditor.run();
        });
        Button delete = new Button(I18n.text("runs.delete"), AppIcon.DELETE.node());
        delete.setId("deleteRun");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(event -> {
            RunSummary run = table.getSelectionModel().getSelectedItem();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, I18n.text("runs.delete.confirm", run.name()),
                    ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(getScene().getWindow());
            confirm.setHeaderText(I18n.text("runs.delete.header"));
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> viewModel.delete(run));
        });
        javafx.beans.binding.BooleanBinding finished = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !RunsViewModel.isUnfinished(table.getSelectionModel().getSelectedItem()),
                table.getSelectionModel().selectedItemProperty());
        Button resume = new Button(I18n.text("runs.resume"), AppIcon.START.node());
        resume.setId("resumeRun");
        resume.setTooltip(new javafx.scene.control.Tooltip(I18n.text("runs.resume.tooltip")));
        resume.disableProperty().bind(finished);
        resume.setOnAction(event -> viewModel.resume(table.getSelectionModel().getSelectedItem()));
        Button bestSoFar = new Button(I18n.text("runs.bestSoFar"), AppIcon.EVALUATION.node());
        bestSoFar.setId("evaluateBestSoFar");
        bestSoFar.setTooltip(new javafx.scene.control.Tooltip(I18n.text("runs.bestSoFar.tooltip")));
        bestSoFar.disableProperty().bind(finished);
        bestSoFar.setOnAction(event -> {
            viewModel.evaluateBestSoFar(table.getSelectionModel().getSelectedItem());
            afterOpen.run();
        });
        javafx.scene.control.Label notice = new javafx.scene.control.Label();
        notice.setId("runsNotice");
        notice.textProperty().bind(viewModel.noticeProperty());
        FlowToolBar bar = new FlowToolBar(refresh, open, compare, useSettings, delete, resume, bestSoFar, notice);
        bar.getStyleClass().add("page-toolbar");
        setTop(bar);

        ChartPane loss = charts.apply("overlayLossChart");
        ChartPane accuracy = charts.apply("overlayAccuracyChart");
        viewModel.overlayProperty().addListener((obs, old, overlay) -> {
            loss.show(I18n.text("runs.overlay.loss"), SweepCharts.runOverlay(I18n.text("runs.overlay.loss"),
                    overlay.validationLoss()));
            accuracy.show(I18n.text("runs.overlay.accuracy"), SweepCharts.runOverlay(
                    I18n.text("runs.overlay.accuracy"), overlay.validationAccuracy(), true));
        });
        SplitPane curves = new SplitPane(loss, accuracy);
        SplitPane split = new SplitPane(table, curves);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);

        ErrorDialog.showErrorsOf(this, viewModel.errorProperty(), viewModel::dismissError);
    }

    /** Lists the run folders again: training, sweeps and other processes add runs while the page is hidden. */
    @Override
    public Subscription onAttach() {
        viewModel.refresh();
        return Subscription.EMPTY;
    }

    /** The run selected in the table (the first, when several are). */
    public javafx.beans.value.ObservableValue<RunSummary> selectedRunProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    private static TableColumn<RunSummary, String> column(String key, Function<RunSummary, String> value,
                                                          double width) {
        TableColumn<RunSummary, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private static String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : String.format(Locale.ROOT, "%d:%02d min", seconds / 60, seconds % 60);
    }
}

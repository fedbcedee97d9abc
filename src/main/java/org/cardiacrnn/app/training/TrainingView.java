package org.cardiacrnn.app.training;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.WrappingCells;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.PageView;

/** The Training page: controls, progress, live curves and the event log. */
public final class TrainingView extends BorderPane implements PageView {

    private final TrainingViewModel viewModel;
    private final Button start = new Button(I18n.text("training.start"), AppIcon.START.node());
    private final Label settings = new Label();

    public TrainingView(TrainingViewModel viewModel, Function<String, ChartPane> charts) {
        this.viewModel = viewModel;
        setId("trainingPage");
        getStyleClass().add("page");
        var status = viewModel.statusProperty();
        start.setId("startTraining");
        start.getStyleClass().add("accent");
        start.setOnAction(event -> viewModel.start());
        Button pause = new Button();
        pause.setId("pauseTraining");
        pause.textProperty().bind(Bindings.when(status.isEqualTo(TrainingViewModel.Status.PAUSED))
                .then(I18n.text("training.resume")).otherwise(I18n.text("training.pause")));
        pause.setGraphic(AppIcon.PAUSE.node());
        pause.disableProperty().bind(status.isNotEqualTo(TrainingViewModel.Status.RUNNING)
                .and(status.isNotEqualTo(TrainingViewModel.Status.PAUSED)));
        pause.setOnAction(event -> {
            if (status.get() == TrainingViewModel.Status.PAUSED) {
                viewModel.resume();
            } else {
                viewModel.pause();
            }
        });
        Button stop = new Button(I18n.text("training.stop"), AppIcon.STOP.node());
        stop.setId("stopTraining");
        stop.disableProperty().bind(status.isEqualTo(TrainingViewModel.Status.IDLE)
                .or(status.isEqualTo(TrainingViewModel.Status.STOPPING)));
        stop.setOnAction(event -> viewModel.stop());
        settings.getStyleClass().add("empty-hint");
        settings.setId("trainingSettings");
        ToolBar bar = new ToolBar(start, pause, stop, settings);
        bar.getStyleClass().add("page-toolbar");
        setTop(bar);

        ProgressBar progress = new ProgressBar();
        progress.setId("trainingProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(viewModel.progressProperty());
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label progressText = new Label();
        progressText.setId("trainingProgressText");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        progressText.setMinWidth(420);
        HBox progressRow = new HBox(12, progress, progressText);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.setPadding(new Insets(10, 16, 6, 16));

        ChartPane loss = charts.apply("lossChart");
        loss.show(I18n.text("training.chart.loss"), viewModel.curves().lossFigure());
        ChartPane accuracy = charts.apply("accuracyChart");
        accuracy.show(I18n.text("training.chart.accuracy"), viewModel.curves().accuracyFigure());
        ChartPane rate = charts.apply("learningRateChart");
        rate.show(I18n.text("training.chart.lr"), viewModel.curves().learningRateFigure());
        SplitPane top = new SplitPane(loss, accuracy);
        ListView<String> log = new ListView<>(viewModel.log());
        log.setId("trainingLog");
        WrappingCells.install(log);
        viewModel.log().addListener((ListChangeListener<String>) change -> log.scrollTo(viewModel.log().size() - 1));
        Label logTitle = new Label(I18n.text("training.log"));
        logTitle.getStyleClass().add("section-title");
        VBox logBox = new VBox(4, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        logBox.setPadding(new Insets(4, 8, 8, 8));
        SplitPane bottom = new SplitPane(rate, logBox);
        SplitPane main = new SplitPane(top, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.58);
        VBox.setVgrow(main, Priority.ALWAYS);
        setCenter(new VBox(progressRow, main));

        ErrorDialog.showErrorsOf(this, viewModel.errorProperty(), viewModel::dismissError);
    }

    /** Starting and the settings line follow the session's dataset and hyperparameters, which outlive the page. */
    @Override
    public Subscription onAttach() {
        var session = viewModel.session();
        return Subscription.combine(
                PageView.bind(start.disableProperty(), viewModel.statusProperty()
                        .isNotEqualTo(TrainingViewModel.Status.IDLE).or(session.datasetProperty().isNull())),
                PageView.bind(settings.textProperty(), Bindings.createStringBinding(
                        () -> TrainingViewModel.describeSettings(session.presetNameProperty().get(),
                                session.hyperparametersProperty().get()),
                        session.presetNameProperty(), session.hyperparametersProperty())));
    }
}

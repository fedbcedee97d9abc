package org.cardiacrnn.app.evaluation;


import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.I18n;

/**
 * Cross-validation as one job beside single runs, on the Training page: choose k-fold or leave-one-group-out,
 * start it and watch the folds go by. Its results appear on the Evaluation page
 * ({@link CrossValidationResultsPane}).
 */
public final class CrossValidationPane extends TitledPane {

    public CrossValidationPane(CrossValidationViewModel viewModel) {
        setId("crossValidationPane");
        setText(I18n.text("crossValidation.title"));
        setExpanded(false);

        ComboBox<Integer> folds = new ComboBox<>(FXCollections.observableArrayList(
                CrossValidationViewModel.LEAVE_ONE_GROUP_OUT, 3, 4, 5, 10));
        folds.setId("crossValidationFolds");
        folds.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value == CrossValidationViewModel.LEAVE_ONE_GROUP_OUT
                        ? I18n.text("crossValidation.loo") : I18n.text("crossValidation.kFold", value);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        folds.setValue(viewModel.foldsProperty().get());
        folds.valueProperty().addListener((obs, old, value) -> viewModel.foldsProperty().set(value));
        Button start = new Button(I18n.text("crossValidation.start"), AppIcon.START.node());
        start.setId("startCrossValidation");
        start.disableProperty().bind(viewModel.runningProperty()
                .or(viewModel.session().datasetProperty().isNull()));
        start.setOnAction(event -> viewModel.start());
        Button stop = new Button(I18n.text("crossValidation.stop"), AppIcon.STOP.node());
        stop.setId("stopCrossValidation");
        stop.disableProperty().bind(viewModel.runningProperty().not());
        stop.setOnAction(event -> viewModel.stop());
        ProgressBar progress = new ProgressBar();
        progress.setId("crossValidationProgress");
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label progressText = new Label();
        progressText.setId("crossValidationProgressText");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        HBox controls = new HBox(8, new Label(I18n.text("crossValidation.folds")), folds, start, stop, progress,
                progressText);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label headline = new Label();
        headline.setId("crossValidationStatus");
        headline.setWrapText(true);
        headline.textProperty().bind(viewModel.headlineProperty());
        Label whereResultsGo = new Label(I18n.text("crossValidation.resultsOnEvaluation"));
        whereResultsGo.setWrapText(true);
        VBox content = new VBox(8, controls, headline, whereResultsGo);
        content.setPadding(new Insets(8));
        setContent(content);
        ErrorDialog.showErrorsOf(content, viewModel.errorProperty(), viewModel::dismissError);
    }
}

package org.cardiacrnn.app.evaluation;

import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.I18n;

/** Next to a sequence's expression heatmap: its gene × time attributions for the predicted or a chosen class. */
public final class SequenceAttributionPane extends BorderPane {

    public SequenceAttributionPane(AttributionViewModel viewModel, Function<String, ChartPane> charts) {
        setId("sequenceAttributionPane");
        ComboBox<String> target = new ComboBox<>(viewModel.sequenceClassChoices());
        target.setId("sequenceAttributionClass");
        target.valueProperty().bindBidirectional(viewModel.sequenceClassProperty());
        HBox bar = new HBox(6, new Label(I18n.text("attribution.sequence.class")), target);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 4, 0));
        setTop(bar);
        ChartPane heatmap = charts.apply("sequenceAttributionHeatmap");
        viewModel.sequenceHeatmapProperty().addListener((obs, old, figure) -> heatmap.show(
                figure == null ? "" : figure.chart().getTitle().getText(), figure));
        setCenter(heatmap);
    }
}

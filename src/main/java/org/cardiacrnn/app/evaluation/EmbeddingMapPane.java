package org.cardiacrnn.app.evaluation;

import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.figures.DataCharts;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

/** The Evaluation page's embedding map: the test split on its first two principal components or by t-SNE. */
public final class EmbeddingMapPane extends BorderPane {

    public EmbeddingMapPane(EmbeddingMapViewModel viewModel, Function<String, ChartPane> charts) {
        setId("embeddingMapPane");
        Button compute = new Button(I18n.text("embedding.compute"));
        compute.setId("embeddingCompute");
        compute.setOnAction(event -> viewModel.computeMap());
        compute.disableProperty().bind(viewModel.runningProperty());
        Button cancel = new Button(I18n.text("embedding.cancel"));
        cancel.setId("embeddingCancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(event -> viewModel.cancel());
        ComboBox<EmbeddingMapViewModel.Projection> projection = new ComboBox<>();
        projection.setId("embeddingProjection");
        projection.getItems().setAll(EmbeddingMapViewModel.Projection.values());
        projection.setConverter(new StringConverter<>() {
            @Override
            public String toString(EmbeddingMapViewModel.Projection value) {
                if (value == null) {
                    return "";
                }
                return value == EmbeddingMapViewModel.Projection.PCA ? I18n.text("embedding.projection.pca")
                        : I18n.text("embedding.projection.tsne");
            }

            @Override
            public EmbeddingMapViewModel.Projection fromString(String text) {
                return null;
            }
        });
        projection.valueProperty().bindBidirectional(viewModel.projectionProperty());
        projection.disableProperty().bind(viewModel.runningProperty());
        ComboBox<EmbeddingMapViewModel.Colouring> colouring = new ComboBox<>();
        colouring.setId("embeddingColouring");
        colouring.getItems().setAll(EmbeddingMapViewModel.Colouring.values());
        colouring.setConverter(new StringConverter<>() {
            @Override
            public String toString(EmbeddingMapViewModel.Colouring value) {
                if (value == null) {
                    return "";
                }
                return value == EmbeddingMapViewModel.Colouring.CLASS ? I18n.text("embedding.colour.class")
                        : I18n.text("embedding.colour.time");
            }

            @Override
            public EmbeddingMapViewModel.Colouring fromString(String text) {
                return null;
            }
        });
        colouring.valueProperty().bindBidirectional(viewModel.colouringProperty());
        Label status = new Label();
        status.setId("embeddingStatus");
        status.textProperty().bind(viewModel.statusProperty());
        HBox bar = new HBox(8, projection, compute, cancel, new Label(I18n.text("embedding.colourBy")), colouring,
                status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        setTop(bar);

        ChartPane map = charts.apply("embeddingMap");
        ChartPane sequence = charts.apply("embeddingSequence");
        viewModel.mapProperty().addListener((obs, old, figure) -> map.show(
                figure == null ? "" : figure.chart().getTitle().getText(), figure));
        viewModel.sequenceProperty().addListener((obs, old, heat) -> sequence.show(
                heat == null ? "" : heat.title(),
                heat == null ? null : DataCharts.sequenceHeatmap(heat.title(), heat.values(), heat.features(),
                        heat.timeLabels())));
        map.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof XYItemEntity item) {
                    viewModel.openPoint(item.getSeriesIndex(), item.getItem());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
        SplitPane split = new SplitPane(map, sequence);
        split.setDividerPositions(0.55);
        setCenter(split);
        ErrorDialog.showErrorsOf(this, viewModel.errorProperty(), viewModel::dismissError);
    }
}

package org.cardiacrnn.app.common;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

import org.cardiacrnn.figures.ExportFormat;
import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.figures.FigureExporter;
import org.cardiacrnn.figures.FigureSize;
import org.cardiacrnn.figures.FigureStyle;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.fx.FXHints;

/**
 * A chart on screen with its Export… button. The screen and every export draw the same JFreeChart, so
 * what the user sees is what goes into the paper.
 */
public final class ChartPane extends BorderPane {

    private final ChartViewer viewer = new ChartViewer();
    private final Label title = new Label();
    /** Confirms the last export, so a researcher knows the file is there. */
    private final Label saved = new Label();
    private final TaskExecutor executor;
    private final Consumer<UserError> errors;
    private final javafx.beans.property.BooleanProperty hasFigure =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private Figure figure;

    private final ObservableBooleanValue darkTheme;

    public ChartPane(String id, TaskExecutor executor, Consumer<UserError> errors, ObservableBooleanValue darkTheme) {
        this.executor = executor;
        this.errors = errors;
        this.darkTheme = darkTheme;
        darkTheme.addListener((obs, old, dark) -> restyle());
        setId(id);
        getStyleClass().add("chart-pane");
        title.getStyleClass().add("section-title");
        Button export = new Button(I18n.text("figure.export"), AppIcon.EXPORT.node());
        export.setId(id + "-export");
        export.getStyleClass().add("small");
        export.setTooltip(new Tooltip(I18n.text("figure.export.tooltip")));
        export.setOnAction(event -> exportWithDialog());
        export.disableProperty().bind(hasFigure.not());
        // In a narrow pane the title wraps and the button keeps its word, rather than "Class balance p…" and "…".
        export.setMinWidth(Region.USE_PREF_SIZE);
        title.setWrapText(true);
        title.setMinWidth(0);
        saved.setId(id + "-saved");
        saved.getStyleClass().add("empty-hint");
        saved.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox actions = new javafx.scene.layout.HBox(8, saved, export);
        actions.setAlignment(Pos.CENTER_RIGHT);
        BorderPane header = new BorderPane(title);
        header.setRight(actions);
        BorderPane.setAlignment(title, Pos.CENTER_LEFT);
        BorderPane.setMargin(actions, new javafx.geometry.Insets(0, 0, 0, 8));
        header.getStyleClass().add("chart-header");
        setTop(header);
        setCenter(viewer);
        viewer.setMinSize(200, 150);
        // Figures are for reading and exporting; JFreeChart's click anchor and drag-zoom only disturb that.
        var anchor = viewer.getCanvas().getMouseHandler("anchor");
        if (anchor != null) {
            viewer.getCanvas().removeMouseHandler(anchor);
        }
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
    }

    /** Shows a figure (or nothing, for null). */
    public void show(String heading, Figure shown) {
        this.figure = shown;
        title.setText(heading);
        restyle();
        // JFreeChart's viewer refuses a null chart; an empty pane hides the old one instead.
        if (shown != null) {
            // The viewer measures text with JavaFX, which builds a scene-graph Text node for every tick label at
            // every redraw: most of a live chart's 8-25 ms redraw during training. AWT's metrics of the same font
            // are cached and agree with the drawn text to a pixel.
            shown.chart().getRenderingHints().put(FXHints.KEY_USE_FX_FONT_METRICS, Boolean.FALSE);
            viewer.setChart(shown.chart());
        }
        viewer.setVisible(shown != null);
        hasFigure.set(shown != null);
    }

    private void restyle() {
        if (figure != null) {
            FigureStyle.screen(darkTheme.get()).apply(figure.chart());
        }
    }

    /** Lets a page react to clicks on chart items (e.g. a confusion-matrix cell). */
    public void addChartMouseListener(org.jfree.chart.fx.interaction.ChartMouseListenerFX listener) {
        viewer.addChartMouseListener(listener);
    }

    public Figure figure() {
        return figure;
    }

    private void exportWithDialog() {
        if (figure == null) {
            return;
        }
        ExportDialog.ask(getScene().getWindow(), title.getText()).ifPresent(choice -> {
            File file = choice.chooseFile(getScene().getWindow(), title.getText());
            if (file != null) {
                export(choice, file.toPath());
            }
        });
    }

    /** Writes the shown figure in the background; the chart is copied first so the screen may keep drawing. */
    public void export(ExportFormat format, FigureSize size, int dpi, Path file) {
        export(new ExportDialog.Choice(format, size, dpi), file);
    }

    private void export(ExportDialog.Choice choice, Path file) {
        Figure snapshot = new Figure(FigureExporter.independentCopy(figure.chart()), figure.data());
        executor.submit(I18n.text("figure.exporting", file.getFileName()), progress -> {
            new FigureExporter().write(snapshot, choice.format(), choice.size(), choice.dpi(), file);
            return file;
        }, written -> saved.setText(I18n.text("figure.export.saved", written.getFileName())),
                failure -> errors.accept(UserError.of(I18n.text("figure.export.failed"), failure)));
    }
}

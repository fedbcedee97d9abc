package org.cardiacrnn.app.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The settings forms' building blocks, so every page's form lines up and behaves the same. */
public final class Forms {

    private Forms() {
    }

    public static TitledPane titled(String key, Node content) {
        TitledPane pane = new TitledPane(I18n.text(key), content);
        pane.setCollapsible(false);
        return pane;
    }

    public static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        return grid;
    }

    public static void row(GridPane grid, int row, String key, Node field) {
        Label label = new Label(I18n.text(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setHgrow(field, Priority.ALWAYS);
        grid.addRow(row, label, field);
    }

    public static <T extends Enum<T>> ComboBox<T> combo(String id, ObjectProperty<T> property,
                                                         T[] values) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setConverter(Choices.converter(values[0].getDeclaringClass()));
        box.setId(id);
        box.valueProperty().bindBidirectional(property);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(165);
        return box;
    }

    public static Spinner<Integer> intSpinner(String id, IntegerProperty property, int min, int max) {
        return editable(id, new Spinner<>(min, max, property.get()), property.asObject());
    }

    public static Spinner<Double> fractionSpinner(String id, DoubleProperty property) {
        return editable(id, new Spinner<>(0.0, 1.0, property.get(), 0.05), property.asObject());
    }

    /** Editable, as wide as its form column, and bound both ways to the view-model's value. */
    private static <T> Spinner<T> editable(String id, Spinner<T> spinner, Property<T> model) {
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setMaxWidth(Double.MAX_VALUE);
        spinner.setPrefWidth(165);
        spinner.getValueFactory().valueProperty().bindBidirectional(model);
        return spinner;
    }
}

package org.cardiacrnn.app.common;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;

/**
 * A tool bar whose controls move to a second row when the window is too narrow for one. JavaFX's ToolBar hides
 * what does not fit behind an overflow button ("»"), where the Data page's Group role and the Runs page's
 * "Evaluate best so far" went unnoticed at 1024 × 700. The theme styles it as a tool bar: it carries the same
 * style classes, with the controls in a "container" as in ToolBar's own skin.
 */
public final class FlowToolBar extends StackPane {

    /** Height of a vertical separator between groups of controls: a row of buttons and drop-downs. */
    private static final double SEPARATOR_HEIGHT = 24;

    public FlowToolBar(Node... items) {
        getStyleClass().add("tool-bar");
        FlowPane container = new FlowPane(Orientation.HORIZONTAL, 8, 4);
        container.getStyleClass().add("container");
        container.setAlignment(Pos.CENTER_LEFT);
        for (Node item : items) {
            if (item instanceof Separator separator && separator.getOrientation() == Orientation.VERTICAL) {
                separator.setPrefHeight(SEPARATOR_HEIGHT);
            }
            container.getChildren().add(item);
        }
        getChildren().add(container);
    }
}

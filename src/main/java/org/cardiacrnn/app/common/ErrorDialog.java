package org.cardiacrnn.app.common;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Shows a {@link UserError}: the message in the user's terms, the technical detail folded away. */
public final class ErrorDialog {

    private ErrorDialog() {
    }

    public static void show(Window owner, UserError error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(I18n.text("app.title"));
        alert.setHeaderText(error.title());
        alert.setContentText(error.message());
        TextArea detail = new TextArea(error.detail());
        detail.setEditable(false);
        detail.setWrapText(false);
        detail.setPrefRowCount(12);
        alert.getDialogPane().setExpandableContent(detail);
        alert.getDialogPane().setId("errorDialog");
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }
}

package org.cardiacrnn.app.common;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Shows a {@link UserError}: the message in the user's terms, the technical detail folded away. */
public final class ErrorDialog {

    private ErrorDialog() {
    }

    /**
     * Shows each error a page's view-model reports, in a dialog over the page's window, then lets the
     * view-model forget it so the same error can be reported again.
     */
    public static void showErrorsOf(javafx.scene.Node page, javafx.beans.value.ObservableValue<UserError> errors,
                                    Runnable dismiss) {
        errors.addListener((obs, old, error) -> {
            if (error != null) {
                show(page.getScene() == null ? null : page.getScene().getWindow(), error);
                dismiss.run();
            }
        });
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

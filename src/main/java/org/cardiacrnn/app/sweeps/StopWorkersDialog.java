package org.cardiacrnn.app.sweeps;

import java.util.Optional;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.sweeps.SweepFolder;

/** Asks how the workers of a followed sweep should stop, and whether to cancel their SLURM job too. */
final class StopWorkersDialog {

    /** What the user chose. */
    record Choice(SweepFolder.StopMode mode, boolean cancelJob) {
    }

    private StopWorkersDialog() {
    }

    /** @param job the sweep's SLURM job id, or null when it was not submitted from this workspace */
    static Optional<Choice> ask(Window owner, String job) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(I18n.text("sweeps.stopWorkers.title"));
        dialog.setHeaderText(I18n.text("sweeps.stopWorkers.header"));
        ToggleGroup modes = new ToggleGroup();
        RadioButton finish = new RadioButton(I18n.text("sweeps.stopWorkers.finish"));
        finish.setId("stopWorkersFinish");
        finish.setToggleGroup(modes);
        finish.setSelected(true);
        RadioButton abandon = new RadioButton(I18n.text("sweeps.stopWorkers.abandon"));
        abandon.setId("stopWorkersAbandon");
        abandon.setToggleGroup(modes);
        CheckBox cancel = new CheckBox(job == null ? I18n.text("sweeps.stopWorkers.noJob")
                : I18n.text("sweeps.stopWorkers.scancel", job));
        cancel.setId("stopWorkersScancel");
        cancel.setDisable(job == null);
        cancel.setWrapText(true);
        Label note = new Label(I18n.text("sweeps.stopWorkers.note"));
        note.setWrapText(true);
        VBox content = new VBox(10, finish, abandon, cancel, note);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setId("stopWorkersDialog");
        dialog.setResultConverter(button -> button == ButtonType.OK ? new Choice(abandon.isSelected()
                ? SweepFolder.StopMode.ABANDON : SweepFolder.StopMode.FINISH, cancel.isSelected()) : null);
        return dialog.showAndWait();
    }
}

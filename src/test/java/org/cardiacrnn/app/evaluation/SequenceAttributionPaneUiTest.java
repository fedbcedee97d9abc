package org.cardiacrnn.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SequenceAttributionPaneUiTest {

    private AttributionViewModel viewModel;

    @Start
    void start(Stage stage) {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run());
        var network = AttributionFixtures.network();
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        viewModel = new AttributionViewModel(session, executor, run -> network);
        stage.setScene(new Scene(new SequenceAttributionPane(viewModel,
                id -> new ChartPane(id, executor, error -> { }, new SimpleBooleanProperty(false))), 700, 500));
        stage.show();
    }

    @Test
    void showsTheSequencesAttributionsAndSwitchesClass(FxRobot robot) {
        robot.interact(() -> viewModel.attributeSequence(0));
        ChartPane heatmap = robot.lookup("#sequenceAttributionHeatmap").queryAs(ChartPane.class);
        assertThat(heatmap.figure().chart().getTitle().getText()).startsWith("Sequence 1");

        robot.clickOn("#sequenceAttributionClass").clickOn("middle");
        assertThat(heatmap.figure().chart().getTitle().getText())
                .isEqualTo("Sequence 1: attributions for middle, against the same time, all classes");
    }
}

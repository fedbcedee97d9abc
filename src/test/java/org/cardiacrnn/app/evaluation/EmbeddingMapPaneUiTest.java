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
class EmbeddingMapPaneUiTest {

    private EmbeddingMapViewModel viewModel;

    @Start
    void start(Stage stage) {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run());
        var network = AttributionFixtures.network();
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        viewModel = new EmbeddingMapViewModel(session, executor, run -> network);
        stage.setScene(new Scene(new EmbeddingMapPane(viewModel,
                id -> new ChartPane(id, executor, error -> { }, new SimpleBooleanProperty(false))), 1000, 600));
        stage.show();
    }

    @Test
    void computingDrawsTheMapAndAPointOpensItsSequence(FxRobot robot) {
        robot.clickOn("#embeddingCompute");
        ChartPane map = robot.lookup("#embeddingMap").queryAs(ChartPane.class);
        assertThat(map.figure().data().rows()).hasSize(6);

        robot.interact(() -> viewModel.openPoint(0, 0));
        ChartPane sequence = robot.lookup("#embeddingSequence").queryAs(ChartPane.class);
        assertThat(sequence.figure().chart().getTitle().getText()).contains("early");
    }

    @Test
    void choosingTsneDrawsATsneMap(FxRobot robot) {
        robot.interact(() -> robot.lookup("#embeddingProjection").<EmbeddingMapViewModel.Projection>queryComboBox()
                .getSelectionModel().select(EmbeddingMapViewModel.Projection.TSNE));
        robot.clickOn("#embeddingCompute");

        ChartPane map = robot.lookup("#embeddingMap").queryAs(ChartPane.class);
        assertThat(map.figure().chart().getTitle().getText()).contains("t-SNE");
        assertThat(map.figure().data().rows()).hasSize(6);
        assertThat(robot.lookup("#embeddingCancel").queryButton().isDisabled()).isTrue();
    }
}

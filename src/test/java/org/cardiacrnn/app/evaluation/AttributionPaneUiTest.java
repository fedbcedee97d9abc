package org.cardiacrnn.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.interpret.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AttributionPaneUiTest {

    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run());
        var network = AttributionFixtures.network();
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        AttributionViewModel viewModel = new AttributionViewModel(session, executor, run -> network);
        viewModel.setGeneOpener(opened::add);
        AttributionPane pane = new AttributionPane(viewModel,
                id -> new ChartPane(id, executor, error -> { }, new SimpleBooleanProperty(false)));
        stage.setScene(new Scene(pane, 1024, 700));
        stage.show();
    }

    @Test
    void computingShowsTheRankingWhoseRowsOpenTheirGene(FxRobot robot) {
        robot.clickOn("#attributionCompute");

        TableView<?> table = robot.lookup("#attributionGenes").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(5);
        assertThat(robot.lookup("#attributionClass").queryAs(ComboBox.class).getValue()).isEqualTo("early");
        assertThat(robot.lookup("#attributionBars").queryAs(ChartPane.class).figure()).isNotNull();
        assertThat(robot.lookup("#attributionOverTime").queryAs(ChartPane.class).figure()).isNotNull();
        Label status = robot.lookup("#attributionStatus").queryAs(Label.class);
        assertThat(status.getText()).contains("against the average of all classes at that time");
        assertThat(status.lookupAll(".text")).extracting(node -> ((Text) node).getText())
                .as("the status, which names the baseline, is shown whole in a 1024-wide window").isNotEmpty()
                .allSatisfy(shown -> assertThat(status.getText()).contains(shown.strip()))
                .noneSatisfy(shown -> assertThat(shown).contains("\u2026"));

        @SuppressWarnings("unchecked")
        TableView<AttributionViewModel.GeneRow> genes = (TableView<AttributionViewModel.GeneRow>) table;
        assertThat(genes.getColumns()).extracting(TableColumn::getId).containsExactly("attributionColumn-rank",
                "attributionColumn-gene", "attributionColumn-mean", "attributionColumn-raised",
                "attributionColumn-lowered", "attributionColumn-meanAbsolute");
        TableColumn<AttributionViewModel.GeneRow, ?> absolute = genes.getColumns().get(5);
        robot.interact(() -> {
            absolute.setSortType(TableColumn.SortType.DESCENDING);
            genes.getSortOrder().setAll(absolute);
        });
        List<Double> byAbsolute = new ArrayList<>();
        for (int row = 0; row < table.getItems().size(); row++) {
            byAbsolute.add(Double.parseDouble((String) absolute.getCellData(row)));
        }
        assertThat(byAbsolute).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        @SuppressWarnings("unchecked")
        ComboBox<Evidence> ranking = robot.lookup("#attributionRanking").queryAs(ComboBox.class);
        assertThat(ranking.getValue()).isEqualTo(Evidence.ALL);
        robot.interact(() -> genes.getSortOrder().clear());
        robot.clickOn("#attributionRanking").clickOn("Low-level genes (lowered expression)");
        assertThat(ranking.getValue()).isEqualTo(Evidence.LOWERED);
        List<Double> lowered = new ArrayList<>();
        for (int row = 0; row < table.getItems().size(); row++) {
            lowered.add(Double.parseDouble((String) genes.getColumns().get(4).getCellData(row)));
        }
        assertThat(lowered).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(robot.lookup("#attributionBars").queryAs(ChartPane.class).figure().chart().getTitle().getText())
                .startsWith("Low-level genes");

        robot.clickOn("#attributionBaseline").clickOn("Training mean");
        assertThat(status.getText()).contains("against the training mean");
        assertThat(table.getItems()).as("measured again").hasSize(5);

        robot.clickOn("#attributionFilter").write("GATA");
        assertThat(table.getItems()).hasSize(1);
        robot.doubleClickOn("GATA6");
        assertThat(opened).containsExactly("GATA6");
    }
}

package org.cardiacrnn.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.interpret.Baseline;
import org.cardiacrnn.interpret.Evidence;
import org.junit.jupiter.api.Test;

class AttributionViewModelTest {

    @Test
    void computesPerClassRankingsThatCanBeSearchedAndOpened() {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run());
        var network = AttributionFixtures.network();
        AttributionViewModel viewModel = new AttributionViewModel(session, new CurrentThreadTaskExecutor(),
                run -> network);
        List<String> opened = new ArrayList<>();
        viewModel.setGeneOpener(opened::add);

        viewModel.computeAttributions();

        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(viewModel.reportProperty().get().sequences()).hasSize(6);
        assertThat(viewModel.reportProperty().get().settings().baseline().kind())
                .isEqualTo(Baseline.Kind.TIME_MATCHED);
        assertThat(viewModel.statusProperty().get()).contains("against the average of all classes at that time");
        assertThat(viewModel.classNames()).containsExactly("early", "middle", "late");
        assertThat(viewModel.selectedClassProperty().get()).isEqualTo("early");
        assertThat(viewModel.genes()).hasSize(5);
        assertThat(viewModel.genes()).extracting(AttributionViewModel.GeneRow::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(viewModel.rankedBarsProperty().get().data().rows()).hasSize(5);
        assertThat(viewModel.topGenesOverTimeProperty().get().data().rows()).hasSize(5 * 4);

        for (AttributionViewModel.GeneRow row : viewModel.genes()) {
            assertThat(row.raisedAttribution() + row.loweredAttribution())
                    .isCloseTo(row.meanAttribution(), within(1e-9));
        }
        assertThat(viewModel.rankingProperty().get()).isEqualTo(Evidence.ALL);
        assertThat(viewModel.genes()).extracting(AttributionViewModel.GeneRow::meanAttribution)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(viewModel.rankedBarsProperty().get().chart().getTitle().getText()).startsWith("Top genes");

        viewModel.rankingProperty().set(Evidence.RAISED);
        assertThat(viewModel.genes()).extracting(AttributionViewModel.GeneRow::raisedAttribution)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(viewModel.rankedBarsProperty().get().chart().getTitle().getText()).startsWith("Markers");

        viewModel.rankingProperty().set(Evidence.LOWERED);
        assertThat(viewModel.genes()).extracting(AttributionViewModel.GeneRow::loweredAttribution)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(viewModel.genes()).extracting(AttributionViewModel.GeneRow::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(viewModel.rankedBarsProperty().get().chart().getTitle().getText()).startsWith("Low-level genes");
        assertThat(viewModel.topGenesOverTimeProperty().get().data().rows()).hasSize(5 * 4);
        viewModel.rankingProperty().set(null);
        assertThat(viewModel.rankingProperty().get()).isEqualTo(Evidence.ALL);

        viewModel.geneFilterProperty().set("sox");
        assertThat(viewModel.genes()).extracting(AttributionViewModel.GeneRow::gene).containsExactly("SOX17");
        viewModel.openGene(viewModel.genes().get(0));
        assertThat(opened).containsExactly("SOX17");

        viewModel.selectedClassProperty().set("late");
        assertThat(viewModel.rankedBarsProperty().get().chart().getTitle().getText()).contains("late");

        session.currentRunProperty().set(null);
        assertThat(viewModel.reportProperty().get()).isNull();
        assertThat(viewModel.classNames()).isEmpty();
        viewModel.computeAttributions();
        assertThat(viewModel.statusProperty().get()).contains("test sequences");
    }

    @Test
    void fallsBackToTheTrainingMeanWhereTheStepTimesAreUnknownAndSaysSo() {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run(false));
        var network = AttributionFixtures.network();
        AttributionViewModel viewModel = new AttributionViewModel(session, new CurrentThreadTaskExecutor(),
                run -> network);

        viewModel.computeAttributions();

        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.reportProperty().get().settings().baseline().kind())
                .isEqualTo(Baseline.Kind.TRAINING_MEAN);
        assertThat(viewModel.statusProperty().get()).contains("against the training mean, since the times of the "
                + "sequences' steps are not known");
    }

    @Test
    void anotherBaselineMeasuresTheShownAttributionsAgain() {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run());
        var network = AttributionFixtures.network();
        AttributionViewModel viewModel = new AttributionViewModel(session, new CurrentThreadTaskExecutor(),
                run -> network);
        viewModel.baselineProperty().set(Baseline.Kind.BLURRED);
        assertThat(viewModel.reportProperty().get()).as("nothing computed yet, so nothing starts").isNull();

        viewModel.computeAttributions();
        var blurred = viewModel.reportProperty().get();
        assertThat(blurred.settings().baseline().kind()).isEqualTo(Baseline.Kind.BLURRED);
        assertThat(viewModel.statusProperty().get()).contains("held flat over time");

        viewModel.baselineProperty().set(Baseline.Kind.TRAINING_MEAN);
        var trainingMean = viewModel.reportProperty().get();
        assertThat(trainingMean).isNotSameAs(blurred);
        assertThat(trainingMean.settings().baseline().kind()).isEqualTo(Baseline.Kind.TRAINING_MEAN);
        assertThat(viewModel.statusProperty().get()).contains("against the training mean;");
        assertThat(sox17(trainingMean)).as("SOX17's attribution measured from another reference")
                .isNotEqualTo(sox17(blurred));
        assertThat(viewModel.genes()).filteredOn(row -> row.gene().equals("SOX17"))
                .extracting(AttributionViewModel.GeneRow::meanAttribution).containsExactly(sox17(trainingMean));

        viewModel.baselineProperty().set(null);
        assertThat(viewModel.baselineProperty().get()).isEqualTo(Baseline.Kind.TIME_MATCHED);
        assertThat(viewModel.reportProperty().get().settings().baseline().kind())
                .isEqualTo(Baseline.Kind.TIME_MATCHED);
    }

    private static double sox17(org.cardiacrnn.interpret.AttributionReport report) {
        return report.classes().get(0).ranking(Evidence.ALL).stream().filter(score -> score.gene().equals("SOX17"))
                .findFirst().orElseThrow().meanAttribution();
    }

    @Test
    void explainsOneSequenceForThePredictedOrAChosenClass() {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run());
        var network = AttributionFixtures.network();
        AttributionViewModel viewModel = new AttributionViewModel(session, new CurrentThreadTaskExecutor(),
                run -> network);

        viewModel.attributeSequence(2);

        assertThat(viewModel.sequenceClassChoices()).containsExactly("predicted class", "early", "middle", "late");
        var figure = viewModel.sequenceHeatmapProperty().get();
        assertThat(figure.data().rows()).hasSize(5 * 4);
        assertThat(figure.chart().getTitle().getText()).startsWith("Sequence 3");
        viewModel.sequenceClassProperty().set("late");
        assertThat(viewModel.sequenceHeatmapProperty().get().chart().getTitle().getText())
                .endsWith("for late, against the same time, all classes");
        viewModel.sequenceClassProperty().set("middle");
        assertThat(viewModel.sequenceHeatmapProperty().get().chart().getTitle().getText()).contains("for middle");
        var timeMatched = viewModel.sequenceHeatmapProperty().get();
        viewModel.baselineProperty().set(Baseline.Kind.BLURRED);
        assertThat(viewModel.sequenceHeatmapProperty().get()).as("the shown heatmap is measured again")
                .isNotSameAs(timeMatched);
        assertThat(viewModel.sequenceHeatmapProperty().get().chart().getTitle().getText())
                .endsWith("for middle, against itself held flat");
        session.currentRunProperty().set(null);
        assertThat(viewModel.sequenceHeatmapProperty().get()).isNull();
    }

    @Test
    void aFailureBecomesAnErrorForTheUser() {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run());
        AttributionViewModel viewModel = new AttributionViewModel(session, new CurrentThreadTaskExecutor());

        viewModel.computeAttributions();

        assertThat(viewModel.errorProperty().get().message()).contains("no-such-run");
        assertThat(viewModel.runningProperty().get()).isFalse();
    }
}

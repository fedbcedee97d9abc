package org.cardiacrnn.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.junit.jupiter.api.Test;

class EmbeddingMapViewModelTest {

    @Test
    void mapsTheTestSplitByClassAndOpensAClickedPoint() {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run());
        var network = AttributionFixtures.network();
        EmbeddingMapViewModel viewModel = new EmbeddingMapViewModel(session, new CurrentThreadTaskExecutor(),
                run -> network);

        viewModel.computeMap();

        assertThat(viewModel.errorProperty().get()).isNull();
        var figure = viewModel.mapProperty().get();
        assertThat(figure.data().rows()).hasSize(6);
        assertThat(figure.chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(3);
        // Sequences 2 and 5 are the "late" ones (labels cycle early, middle, late): series 2, items 0 and 1.
        viewModel.openPoint(2, 1);
        assertThat(viewModel.sequenceProperty().get().title()).contains("6").contains("late");

        viewModel.colouringProperty().set(EmbeddingMapViewModel.Colouring.TIME);
        assertThat(viewModel.statusProperty().get()).contains("Data page");
        session.currentRunProperty().set(null);
        assertThat(viewModel.mapProperty().get()).isNull();
    }
}

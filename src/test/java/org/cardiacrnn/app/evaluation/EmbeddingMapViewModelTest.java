package org.cardiacrnn.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;

import org.cardiacrnn.app.common.BackgroundJob;
import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.common.ProgressReporter;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.interpret.MapCancelledException;
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
        var byTime = viewModel.mapProperty().get().chart().getXYPlot().getDataset();
        assertThat(byTime.getSeriesCount()).as("sequences ending at 72 h and at 96 h").isEqualTo(2);
        assertThat(byTime.getSeriesKey(0)).hasToString("time 72");
        assertThat(byTime.getItemCount(1)).isEqualTo(3);
        viewModel.openPoint(1, 0);
        assertThat(viewModel.sequenceProperty().get().title()).as("the first sequence ending at 96 h").contains("4");
        session.currentRunProperty().set(null);
        assertThat(viewModel.mapProperty().get()).isNull();
    }

    @Test
    void colouringByTimeNeedsTheStepTimesAndSaysSo() {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run(false));
        var network = AttributionFixtures.network();
        EmbeddingMapViewModel viewModel = new EmbeddingMapViewModel(session, new CurrentThreadTaskExecutor(),
                run -> network);
        viewModel.computeMap();

        viewModel.colouringProperty().set(EmbeddingMapViewModel.Colouring.TIME);

        assertThat(viewModel.statusProperty().get()).contains("do not record the times");
        assertThat(viewModel.mapProperty().get().chart().getXYPlot().getDataset().getSeriesCount())
                .as("coloured by class instead").isEqualTo(3);
    }

    @Test
    void tsneMapsTheTestSplitWithProgress() {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run());
        var network = AttributionFixtures.network();
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        List<String> messages = new ArrayList<>();
        executor.messageProperty().addListener((obs, old, message) -> messages.add(message));
        EmbeddingMapViewModel viewModel = new EmbeddingMapViewModel(session, executor, run -> network);

        viewModel.projectionProperty().set(EmbeddingMapViewModel.Projection.TSNE);
        viewModel.computeMap();

        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.runningProperty().get()).isFalse();
        var figure = viewModel.mapProperty().get();
        assertThat(figure.data().rows()).hasSize(6);
        assertThat(figure.chart().getXYPlot().getDomainAxis().getLabel()).isEqualTo("t-SNE 1");
        // Six sequences leave room for a perplexity of 5 / 3 only.
        assertThat(viewModel.statusProperty().get()).contains("t-SNE (perplexity 1.67");
        assertThat(messages).anyMatch(message -> message.startsWith("t-SNE: iteration"));
        viewModel.openPoint(2, 1);
        assertThat(viewModel.sequenceProperty().get().title()).contains("late");
    }

    @Test
    void aCancelledMapStopsItsJob() {
        WorkbenchSession session = new WorkbenchSession();
        session.currentRunProperty().set(AttributionFixtures.run());
        var network = AttributionFixtures.network();
        HeldJobExecutor executor = new HeldJobExecutor();
        EmbeddingMapViewModel viewModel = new EmbeddingMapViewModel(session, executor, run -> network);
        viewModel.projectionProperty().set(EmbeddingMapViewModel.Projection.TSNE);

        viewModel.computeMap();
        assertThat(viewModel.runningProperty().get()).isTrue();
        viewModel.cancel();

        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).contains("cancelled");
        assertThat(executor.cancelled).isTrue();
        assertThrows(MapCancelledException.class, executor::runHeldJob);
        assertThat(viewModel.mapProperty().get()).isNull();
    }

    /** Keeps the submitted job instead of running it, so a test can cancel it first. */
    private static final class HeldJobExecutor implements TaskExecutor {
        private BackgroundJob<?> held;
        private boolean cancelled;

        @Override
        public <T> Cancellable submit(String title, BackgroundJob<T> job, Consumer<T> onSuccess,
                                      Consumer<Throwable> onFailure) {
            held = job;
            return () -> cancelled = true;
        }

        void runHeldJob() throws Exception {
            held.run(new ProgressReporter() {
                @Override
                public void update(double fraction, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }
            });
        }

        @Override
        public void runOnUiThread(Runnable action) {
            action.run();
        }

        @Override
        public void runOnUiThreadLater(Runnable action) {
            action.run();
        }

        @Override
        public ReadOnlyBooleanProperty busyProperty() {
            return new SimpleBooleanProperty(held != null);
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return new SimpleStringProperty("");
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return new SimpleDoubleProperty(0);
        }

        @Override
        public void shutdown() {
        }
    }
}

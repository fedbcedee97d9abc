package org.cardiacrnn.app.sequences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.data.Orientation;
import org.cardiacrnn.data.SampleMetadata;
import org.cardiacrnn.sequences.SplitConfig;
import org.junit.jupiter.api.Test;

class SequencesViewModelTest {

    /** Two lineages × 3 donors × 12 days, 6 genes. */
    private static ExpressionData dataset() {
        List<String> ids = new ArrayList<>();
        List<String> donors = new ArrayList<>();
        List<String> lineages = new ArrayList<>();
        List<String> days = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (String lineage : List.of("atrial", "ventricular")) {
            for (int donor = 1; donor <= 3; donor++) {
                for (int day = 0; day < 12; day++) {
                    ids.add(lineage + donor + "_" + day);
                    donors.add("d" + donor);
                    lineages.add(lineage);
                    days.add(Integer.toString(day));
                    for (int g = 0; g < 6; g++) {
                        values.add((float) (10 + g + day * (lineage.equals("atrial") ? g : 1) + donor));
                    }
                }
            }
        }
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        ExpressionMatrix matrix = new ExpressionMatrix(array, ids, List.of("G1", "G2", "G3", "G4", "G5", "G6"));
        SampleMetadata metadata = new SampleMetadata(ids, List.of(SampleMetadata.Column.of("donor", donors),
                SampleMetadata.Column.of("trajectory", lineages), SampleMetadata.Column.of("day", days)));
        return new ExpressionData(matrix, metadata,
                new ExpressionData.LoadReport("test", "memory", Orientation.SAMPLES_BY_GENES, true, List.of()));
    }

    @Test
    void publishedProtocolLeaksAndSaysSo() {
        WorkbenchSession session = new WorkbenchSession();
        session.useDataset("toy", dataset());
        SequencesViewModel viewModel = new SequencesViewModel(session, new CurrentThreadTaskExecutor());
        viewModel.usePublishedProtocol();
        viewModel.windowLengthProperty().set(4);

        viewModel.prepare();

        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(session.preparedDataProperty().get()).isNotNull();
        assertThat(session.preparationConfigProperty().get().split().kind()).isEqualTo(SplitConfig.Kind.RANDOM);
        assertThat(viewModel.leaksProperty().get()).isTrue();
        assertThat(viewModel.splitSummaryProperty().get()).contains("also serves as validation");
        assertThat(viewModel.classBalanceProperty().get()).containsOnlyKeys("Training", "Test");
        assertThat(viewModel.sequenceHeatProperty().get().timeLabels()).hasSize(4);
    }

    @Test
    void theActiveProtocolIsKnownUntilASettingDepartsFromIt() {
        WorkbenchSession session = new WorkbenchSession();
        session.useDataset("toy", dataset());
        SequencesViewModel viewModel = new SequencesViewModel(session, new CurrentThreadTaskExecutor());
        viewModel.usePublishedProtocol();
        assertThat(viewModel.protocolProperty().get()).isEqualTo(SequencesViewModel.Protocol.PUBLISHED);
        viewModel.useLeakageFreeProtocol();
        assertThat(viewModel.protocolProperty().get()).isEqualTo(SequencesViewModel.Protocol.LEAKAGE_FREE);
        viewModel.windowLengthProperty().set(viewModel.windowLengthProperty().get() + 1);
        assertThat(viewModel.protocolProperty().get()).isEqualTo(SequencesViewModel.Protocol.NONE);
    }

    @Test
    void leakageFreeProtocolKeepsDonorsApart() {
        WorkbenchSession session = new WorkbenchSession();
        session.useDataset("toy", dataset());
        SequencesViewModel viewModel = new SequencesViewModel(session, new CurrentThreadTaskExecutor());
        viewModel.useLeakageFreeProtocol();
        viewModel.windowLengthProperty().set(4);
        viewModel.topGenesProperty().set(0);

        viewModel.prepare();

        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.leaksProperty().get()).isFalse();
        assertThat(viewModel.classBalanceProperty().get()).containsOnlyKeys("Training", "Validation", "Test");
    }

    @Test
    void anInvalidSettingIsShownInsteadOfPreparing() {
        WorkbenchSession session = new WorkbenchSession();
        session.useDataset("toy", dataset());
        SequencesViewModel viewModel = new SequencesViewModel(session, new CurrentThreadTaskExecutor());
        viewModel.windowLengthProperty().set(1);

        viewModel.prepare();

        assertThat(viewModel.validationMessageProperty().get()).containsIgnoringCase("window");
        assertThat(session.preparedDataProperty().get()).isNull();
    }

    @Test
    void theBannerIsGreenOnlyWhenNoSampleIsSharedAndTheClassesAreBalanced() {
        WorkbenchSession session = new WorkbenchSession();
        session.useDataset("toy", dataset());
        SequencesViewModel viewModel = new SequencesViewModel(session, new CurrentThreadTaskExecutor());
        viewModel.windowLengthProperty().set(4);
        viewModel.prepare();
        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.leaksProperty().get()).isFalse();
        assertThat(viewModel.leakageProperty().get()).isEqualTo("No sample is shared between splits.");
        assertThat(viewModel.warnings()).anyMatch(w -> w.startsWith("class counts: training atrial "));

        // The day as the class without a group column: every trajectory is one day, so groups and classes
        // coincide and whole-group splits are refused instead of shown green.
        session.labelColumnProperty().set("day");
        session.timeColumnProperty().set("day");
        viewModel.prepare();
        assertThat(viewModel.errorProperty().get().message()).contains("is also the time column");
        viewModel.dismissError();
        session.groupColumnProperty().set(null);
        session.labelColumnProperty().set("donor");
        viewModel.splitKindProperty().set(SplitConfig.Kind.GROUPED);
        viewModel.prepare();
        assertThat(viewModel.errorProperty().get().message()).contains("groups and classes coincide");
    }
}

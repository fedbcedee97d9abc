package org.cardiacrnn.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.data.Orientation;
import org.cardiacrnn.data.SampleMetadata;
import org.cardiacrnn.evaluation.Predictor;
import org.cardiacrnn.preprocessing.FittedPreprocessing;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.cardiacrnn.preprocessing.Preprocessor;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.NewDataSequences;
import org.cardiacrnn.sequences.SequenceConfig;
import org.junit.jupiter.api.Test;

class PredictionsTest {

    /** Two cultures × 4 days, genes a and b (b missing, NaN, in culture c2 on day 2). */
    private static ExpressionData data(boolean withGeneB) {
        List<String> ids = new ArrayList<>();
        List<String> day = new ArrayList<>();
        List<String> culture = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (String c : List.of("c1", "c2")) {
            for (int d = 0; d < 4; d++) {
                ids.add(c + "d" + d);
                day.add(Integer.toString(d * 2));
                culture.add(c);
                values.add((float) (d + (c.equals("c1") ? 0 : 10)));
                if (withGeneB) {
                    values.add(c.equals("c2") && d == 1 ? Float.NaN : (float) d);
                }
            }
        }
        float[] matrix = new float[values.size()];
        IntStream.range(0, matrix.length).forEach(i -> matrix[i] = values.get(i));
        ExpressionMatrix m = new ExpressionMatrix(matrix, ids, withGeneB ? List.of("a", "b") : List.of("a"));
        return new ExpressionData(m, new SampleMetadata(ids, List.of(SampleMetadata.Column.of("day", day),
                SampleMetadata.Column.of("culture", culture))),
                new ExpressionData.LoadReport("hand-made", "memory", Orientation.SAMPLES_BY_GENES, false, List.of()));
    }

    /** Probability of class "late" rises with the mean of gene a over the steps seen. */
    private static final Predictor MEAN_OF_A = sequences -> {
        float[][] p = new float[sequences.sequenceCount()][];
        for (int i = 0; i < p.length; i++) {
            double sum = 0;
            for (int t = 0; t < sequences.timeSteps(); t++) {
                sum += sequences.value(i, 0, t);
            }
            float late = (float) (1 / (1 + Math.exp(-sum / sequences.timeSteps())));
            p[i] = new float[] {1 - late, late};
        }
        return p;
    };

    @Test
    void timeCoursesWithoutLabelsGiveOneRowPerGroupAndTheCallAfterEachDay() {
        ExpressionData full = data(true);
        FittedPreprocessing fitted = Preprocessor.fit(full.matrix(), new int[] {0, 1, 2, 3, 4, 5, 6, 7},
                new PreprocessingConfig(null, null, false, PreprocessingConfig.Scaling.NONE, 0, 0),
                new int[][] {{0, 1, 2, 3}, {4, 5, 6, 7}});
        SequenceConfig config = SequenceConfig.timeCourse("day", "fate", "culture");
        NewDataSequences sequences = DatasetPreparation.sequencesForNewData(full, fitted, config,
                List.of("early", "late"));
        assertThat(sequences.labelled()).isFalse();
        assertThat(sequences.genesPartlyMissing()).containsExactly(false, true);

        Predictions predictions = Predictions.of(MEAN_OF_A, sequences, full, config);
        assertThat(predictions.rows()).extracting(Predictions.Row::group).containsExactly("c1", "c2");
        Predictions.Row c2 = predictions.rows().get(1);
        assertThat(c2.firstTime()).isEqualTo(0);
        assertThat(c2.lastTime()).isEqualTo(6);
        assertThat(c2.samples()).isEqualTo(4);
        assertThat(c2.predictedClass()).isEqualTo("late");
        assertThat(c2.probabilitiesByStep()).hasSize(4);
        // c1's gene a is 0 on day 0 (p = 0.5, "early" wins the tie), then rises.
        assertThat(predictions.rows().get(0).probabilitiesByStep().get(0)[1]).isEqualTo(0.5f);
        String[] csv = predictions.toCsv().split("\n");
        assertThat(csv[0]).isEqualTo("sequence,group,first_sample,last_sample,predicted_class,p_early,p_late,"
                + "first_time,last_time,samples,genes_partly_missing,predicted_after_0,predicted_after_2,"
                + "predicted_after_4,predicted_after_6");
        assertThat(csv[1]).startsWith("1,c1,c1d0,c1d3,late,").endsWith(",0,6,4,false,early,late,late,late");

        NewDataSequences withoutB = DatasetPreparation.sequencesForNewData(data(false), fitted, config,
                List.of("early", "late"));
        assertThat(withoutB.absentGenes()).containsExactly("b");
        assertThat(withoutB.genesPartlyMissing()).containsExactly(true, true);
        assertThat(withoutB.warnings()).anyMatch(w -> w.startsWith("1 gene(s) the model needs are not in the data"));
        assertThat(withoutB.dataset().value(0, 0, 3)).isEqualTo(sequences.dataset().value(0, 0, 3));
    }
}

package org.cardiacrnn.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.preprocessing.PreprocessingConfig.LibraryNormalisation;
import org.cardiacrnn.preprocessing.PreprocessingConfig.MissingValues;
import org.cardiacrnn.preprocessing.PreprocessingConfig.Scaling;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    private static final int[] TRAIN = {0, 1, 2};

    /** Four samples × three genes; the last sample is the "test" sample, with outlying values. */
    private static ExpressionMatrix matrix(float testValue) {
        return new ExpressionMatrix(new float[] {
            1, 2, 10,
            3, 2, 20,
            5, 2, 30,
            testValue, 7, -50}, List.of("s0", "s1", "s2", "s3"), List.of("g0", "g1", "g2"));
    }

    private static PreprocessingConfig config(Scaling scaling, double clip, int top) {
        return new PreprocessingConfig(MissingValues.INTERPOLATE, LibraryNormalisation.NONE, false, scaling, clip, top);
    }

    @Test
    void zScoreUsesTrainingMeanAndPopulationSdAndClipsOutliers() {
        FittedPreprocessing fitted = Preprocessor.fit(matrix(100), TRAIN, config(Scaling.Z_SCORE, 3, 0));
        assertThat(fitted.center()).containsExactly(3, 2, 20);
        assertThat(fitted.scale()[0]).isCloseTo(Math.sqrt(8.0 / 3), within(1e-9));
        assertThat(fitted.scale()[1]).as("constant gene is not divided by zero").isEqualTo(1);
        ExpressionMatrix out = fitted.apply(matrix(100));
        assertThat(out.get(0, 0)).isCloseTo((float) (-2 / Math.sqrt(8.0 / 3)), within(1e-5f));
        assertThat(out.get(1, 2)).isCloseTo(0f, within(1e-6f));
        assertThat(out.get(3, 0)).as("97 sd above is clipped").isEqualTo(3f);
        assertThat(out.get(3, 2)).isEqualTo(-3f);
        assertThat(out.sampleCount()).as("clipping keeps every sample").isEqualTo(4);
    }

    @Test
    void testRowsNeverChangeFittedStatistics() {
        FittedPreprocessing a = Preprocessor.fit(matrix(100), TRAIN, config(Scaling.Z_SCORE, 3, 2));
        FittedPreprocessing b = Preprocessor.fit(matrix(-1e6f), TRAIN, config(Scaling.Z_SCORE, 3, 2));
        assertThat(a.center()).containsExactly(b.center());
        assertThat(a.scale()).containsExactly(b.scale());
        assertThat(a.genes()).isEqualTo(b.genes());
    }

    @Test
    void selectsMostVariableTrainingGenesInFileOrder() {
        FittedPreprocessing fitted = Preprocessor.fit(matrix(100), TRAIN, config(Scaling.NONE, 0, 2));
        assertThat(fitted.genes()).containsExactly("g0", "g2");
        ExpressionMatrix out = fitted.apply(matrix(100));
        assertThat(out.geneNames()).containsExactly("g0", "g2");
        assertThat(out.get(3, 0)).as("no scaling, no clipping").isEqualTo(100f);
    }

    @Test
    void minMaxScalesToTrainingRange() {
        ExpressionMatrix out = Preprocessor.fit(matrix(100), TRAIN, config(Scaling.MIN_MAX, 3, 0)).apply(matrix(100));
        assertThat(out.get(1, 0)).isEqualTo(0.5f);
        assertThat(out.get(2, 2)).isEqualTo(1f);
        assertThat(out.get(3, 0)).as("clipping only applies to z-scores").isEqualTo(24.75f);
    }

    @Test
    void cpmThenLog1pPerSample() {
        PreprocessingConfig cpm = new PreprocessingConfig(MissingValues.INTERPOLATE, LibraryNormalisation.CPM, true,
                Scaling.NONE, 0, 0);
        FittedPreprocessing fitted = Preprocessor.fit(matrix(100), TRAIN, cpm);
        ExpressionMatrix counts = matrix(100).selectSamples(TRAIN);
        ExpressionMatrix out = fitted.apply(counts);
        assertThat(out.get(0, 0)).isCloseTo((float) Math.log1p(1e6 / 13), within(1e-4f));
        assertThat(out.get(1, 2)).isCloseTo((float) Math.log1p(20e6 / 25), within(1e-4f));
        assertThatThrownBy(() -> fitted.apply(matrix(100))).isInstanceOf(PreprocessingException.class)
                .hasMessageContaining("s3").hasMessageContaining("g2").hasMessageContaining("log1p");
    }

    @Test
    void smallLibrariesRankGenesWithAPriorOfOneCountSoRareCountsDoNotOutrankAProgramme() {
        // Libraries of about 1,100 counts: one count is about 900 CPM, so under log1p the rare gene's 0-or-1 flicker
        // has a variance of about 11, against 0.6 for the five-fold programme.
        ExpressionMatrix small = new ExpressionMatrix(new float[] {
            0, 20, 1000,
            1, 100, 1000,
            0, 20, 1000,
            1, 100, 1000}, List.of("a", "b", "c", "d"), List.of("rare", "programme", "filler"));
        PreprocessingConfig topOne = new PreprocessingConfig(MissingValues.INTERPOLATE, LibraryNormalisation.CPM,
                true, Scaling.Z_SCORE, 0, 1);
        int[] all = {0, 1, 2, 3};
        assertThat(Preprocessor.fit(small, all, topOne).apply(small).geneNames()).containsExactly("programme");
        // A million counts or more: the pseudo-count stays 1 CPM, so ranking is plain log1p variance as before, and
        // a gene at 35 CPM against 0 still outranks the programme.
        ExpressionMatrix deep = new ExpressionMatrix(new float[] {
            0, 20_000, 1_000_000,
            40, 100_000, 1_000_000,
            0, 20_000, 1_000_000,
            40, 100_000, 1_000_000}, List.of("a", "b", "c", "d"), List.of("rare", "programme", "filler"));
        assertThat(Preprocessor.fit(deep, all, topOne).apply(deep).geneNames()).containsExactly("rare");
    }

    @Test
    void interpolatesAlongEachTrajectoryInTimeOrder() {
        float nan = Float.NaN;
        ExpressionMatrix m = new ExpressionMatrix(new float[] {nan, 4, 0, 8, 2, nan}, List.of("a", "b", "c", "d",
                "e", "f"), List.of("g"));
        int[][] trajectories = {{2, 0, 1, 3}, {4, 5}};
        FittedPreprocessing fitted = Preprocessor.fit(m, new int[] {0, 1, 2, 3, 4, 5}, config(Scaling.NONE, 0, 0),
                trajectories);
        ExpressionMatrix out = fitted.apply(m, trajectories);
        assertThat(out.geneColumn(0)).containsExactly(2, 4, 0, 8, 2, 2);
    }

    @Test
    void dropGenesRemovesGenesWithMissingTrainingValues() {
        ExpressionMatrix m = new ExpressionMatrix(new float[] {1, Float.NaN, 2, 3, 3, 4}, List.of("a", "b", "c"),
                List.of("g0", "g1"));
        PreprocessingConfig drop = new PreprocessingConfig(MissingValues.DROP_GENES, LibraryNormalisation.NONE, false,
                Scaling.NONE, 0, 0);
        assertThat(Preprocessor.fit(m, new int[] {0, 1, 2}, drop).genes()).containsExactly("g0");
    }

    @Test
    void missingGenesInNewDataAreNamed() {
        FittedPreprocessing fitted = Preprocessor.fit(matrix(100), TRAIN, config(Scaling.Z_SCORE, 3, 0));
        ExpressionMatrix other = new ExpressionMatrix(new float[] {1, 2}, List.of("x"), List.of("g1", "zz"));
        assertThatThrownBy(() -> fitted.apply(other)).isInstanceOf(PreprocessingException.class)
                .hasMessageContaining("g0").hasMessageContaining("g2");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> config(Scaling.Z_SCORE, -1, 0)).hasMessageContaining("clipZ");
        assertThatThrownBy(() -> config(Scaling.Z_SCORE, 3, -5)).hasMessageContaining("topVariableGenes");
    }

    @Test
    void fittedPreprocessingRoundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        FittedPreprocessing fitted = Preprocessor.fit(matrix(100), TRAIN, config(Scaling.Z_SCORE, 3, 2));
        FittedPreprocessing back = json.readValue(json.writeValueAsString(fitted), FittedPreprocessing.class);
        assertThat(back.config()).isEqualTo(fitted.config());
        assertThat(back.genes()).isEqualTo(fitted.genes());
        assertThat(back.apply(matrix(4)).values()).containsExactly(fitted.apply(matrix(4)).values());
    }
}

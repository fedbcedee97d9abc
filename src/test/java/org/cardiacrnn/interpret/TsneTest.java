package org.cardiacrnn.interpret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TsneTest {

    private static final int CLUSTERS = 3;

    @Test
    void calibrationHitsTheEntropyOfThePerplexity() {
        Random random = new Random(3);
        double[] distances = new double[120];
        for (int j = 0; j < distances.length; j++) {
            // Squared distances over several orders of magnitude, as between embeddings of very different size.
            distances[j] = Math.exp(6 * random.nextDouble()) * 50;
        }
        for (double perplexity : new double[] {2, 5, 30, 60}) {
            double[] p = Tsne.conditional(distances, 7, perplexity);
            assertEquals(0, p[7], "a point is not its own neighbour");
            assertEquals(1, java.util.Arrays.stream(p).sum(), 1e-9);
            assertEquals(Math.log(perplexity), Tsne.entropy(p), 1e-4, "perplexity " + perplexity);
        }
    }

    @Test
    void wellSeparatedClustersStaySeparated() {
        int[] labels = labels(150);
        Tsne.Result result = Tsne.map(clusters(labels, 1), new Tsne.Settings(30, 500, 5), (done, total) -> { },
                () -> false);

        assertThat(result.mapped()).isEqualTo(150);
        assertThat(result.perplexity()).isEqualTo(30);
        assertThat(neighbourAgreement(result.points(), labels, 5)).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void theSameSeedGivesTheSameMapAndAnotherSeedAnother() {
        int[] labels = labels(60);
        float[][] rows = clusters(labels, 2);
        double[][] first = Tsne.map(rows, new Tsne.Settings(10, 300, 11), (done, total) -> { }, () -> false).points();
        double[][] again = Tsne.map(rows, new Tsne.Settings(10, 300, 11), (done, total) -> { }, () -> false).points();
        double[][] other = Tsne.map(rows, new Tsne.Settings(10, 300, 12), (done, total) -> { }, () -> false).points();

        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(first[i], again[i], "row " + i);
        }
        assertThat(other[0][0]).isNotEqualTo(first[0][0]);
    }

    @Test
    void aboveTheExactLimitASubsetShapesTheMapAndTheRestJoinTheirNeighbours() {
        int[] labels = labels(240);
        List<int[]> progress = new ArrayList<>();
        Tsne.Result result = Tsne.map(clusters(labels, 4), new Tsne.Settings(30, 400, 1), 90,
                (done, total) -> progress.add(new int[] {done, total}), () -> false);

        assertThat(result.mapped()).isEqualTo(90);
        assertThat(result.points().length).isEqualTo(240);
        assertThat(java.util.Arrays.stream(result.points()).allMatch(point -> point.length == 2)).isTrue();
        assertThat(neighbourAgreement(result.points(), labels, 5)).isGreaterThanOrEqualTo(0.98);
        assertThat(progress.get(progress.size() - 1)).containsExactly(400, 400);
    }

    @Test
    void fewRowsLowerThePerplexityAndACancelledMapStops() {
        int[] labels = labels(12);
        assertThat(Tsne.map(clusters(labels, 5), Tsne.Settings.defaults(), (done, total) -> { }, () -> false)
                .perplexity()).isEqualTo(11 / 3.0);
        assertThrows(MapCancelledException.class, () -> Tsne.map(clusters(labels, 5), Tsne.Settings.defaults(),
                (done, total) -> { }, () -> true));
        assertThrows(InterpretException.class, () -> new Tsne.Settings(0.5, 100, 1));
    }

    private static int[] labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLUSTERS;
        }
        return labels;
    }

    /** Gaussian clouds of unit spread in 20 dimensions whose centres lie 10 apart along different axes. */
    private static float[][] clusters(int[] labels, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[labels.length][20];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < 20; k++) {
                rows[i][k] = (float) (random.nextGaussian() + (k == labels[i] ? 10 : 0));
            }
        }
        return rows;
    }

    /** Share of the points whose k nearest neighbours on the map mostly carry their own label. */
    private static double neighbourAgreement(double[][] points, int[] labels, int k) {
        int agreeing = 0;
        for (int i = 0; i < points.length; i++) {
            int finalI = i;
            int same = (int) java.util.stream.IntStream.range(0, points.length).filter(j -> j != finalI).boxed()
                    .sorted((a, b) -> Double.compare(distance(points[finalI], points[a]),
                            distance(points[finalI], points[b])))
                    .limit(k).filter(j -> labels[j] == labels[finalI]).count();
            agreeing += same > k / 2 ? 1 : 0;
        }
        return (double) agreeing / points.length;
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}

package org.cardiacrnn.sequences;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.data.Orientation;
import org.cardiacrnn.data.SampleMetadata;

/** Hand-made datasets: labels × donors, each trajectory listed in reverse time order in the "file". */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * {@code labels.length × donors} trajectories of {@code samples} samples each. Gene "row" holds the row
     * index, gene "time" the sample's time, gene "mix" a label-dependent curve; metadata: time, label, donor.
     */
    static ExpressionData trajectories(String[] labels, int donors, int samples) {
        List<String> ids = new ArrayList<>();
        List<String> time = new ArrayList<>();
        List<String> label = new ArrayList<>();
        List<String> donor = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int l = 0; l < labels.length; l++) {
            for (int d = 0; d < donors; d++) {
                for (int t = samples - 1; t >= 0; t--) {
                    int row = ids.size();
                    ids.add("s" + row);
                    time.add(Integer.toString(t));
                    label.add(labels[l]);
                    donor.add("d" + d);
                    values.add((float) row);
                    values.add((float) t);
                    values.add((float) Math.sin(t * (l + 1) + d));
                }
            }
        }
        float[] matrix = new float[values.size()];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = values.get(i);
        }
        return data(new ExpressionMatrix(matrix, ids, List.of("row", "time", "mix")),
                List.of(SampleMetadata.Column.of("time", time), SampleMetadata.Column.of("label", label),
                        SampleMetadata.Column.of("donor", donor)));
    }

    static ExpressionData data(ExpressionMatrix matrix, List<SampleMetadata.Column> columns) {
        return new ExpressionData(matrix, new SampleMetadata(matrix.sampleIds(), columns),
                new ExpressionData.LoadReport("hand-made", "memory", Orientation.SAMPLES_BY_GENES, false, List.of()));
    }
}

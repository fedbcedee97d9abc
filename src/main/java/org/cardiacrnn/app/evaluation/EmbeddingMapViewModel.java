package org.cardiacrnn.app.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.SequenceHeat;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.figures.EmbeddingCharts;
import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.interpret.Embedder;
import org.cardiacrnn.interpret.Pca;
import org.cardiacrnn.interpret.Tsne;
import org.cardiacrnn.runs.SavedRun;
import org.cardiacrnn.sequences.SequenceDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The test split's embeddings (what the classifier reads) on a 2-D map, by PCA or t-SNE, coloured by class or by
 * the time of a sequence's last sample; clicking a point shows that sequence.
 */
public final class EmbeddingMapViewModel {

    /** What the colours of the map mean. */
    public enum Colouring { CLASS, TIME }

    /** How the embeddings are brought down to two dimensions. */
    public enum Projection { PCA, TSNE }

    private static final int HEATMAP_FEATURES = 25;

    private final WorkbenchSession session;
    private final TaskExecutor executor;
    private final Function<RunResult, MultiLayerNetwork> networks;
    private final ObjectProperty<Colouring> colouring = new SimpleObjectProperty<>(Colouring.CLASS);
    private final ObjectProperty<Projection> projection = new SimpleObjectProperty<>(Projection.PCA);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Figure> map = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SequenceHeat> sequence = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private double[][] points;
    private Projection shown = Projection.PCA;
    private TaskExecutor.Cancellable job;
    private List<List<Integer>> sequencesPerSeries = List.of();

    public EmbeddingMapViewModel(WorkbenchSession session, TaskExecutor executor) {
        this(session, executor, run -> SavedRun.open(run.directory()).model().network());
    }

    /** @param networks how to get the trained network of a run (tests hand one in) */
    public EmbeddingMapViewModel(WorkbenchSession session, TaskExecutor executor,
                                 Function<RunResult, MultiLayerNetwork> networks) {
        this.session = session;
        this.executor = executor;
        this.networks = networks;
        session.currentRunProperty().addListener((obs, old, run) -> {
            cancel();
            points = null;
            map.set(null);
            sequence.set(null);
            status.set("");
        });
        colouring.addListener((obs, old, value) -> redraw());
    }

    /**
     * Embeds the current run's test split in the background and draws it on its first two principal components
     * or on a t-SNE map ({@link Tsne.Settings#defaults()}), as {@link #projectionProperty()} says.
     */
    public void computeMap() {
        RunResult run = session.currentRunProperty().get();
        if (run == null || run.testSet() == null) {
            status.set(I18n.text("attribution.noTestSet"));
            return;
        }
        Projection chosen = projection.get() == null ? Projection.PCA : projection.get();
        running.set(true);
        status.set(I18n.text("embedding.running"));
        job = executor.submit(I18n.text("embedding.running"), progress -> {
            float[][] embeddings = new Embedder(networks.apply(run)).pooled(run.testSet());
            if (chosen == Projection.PCA) {
                return new Tsne.Result(Pca.project(embeddings, 2), 0, embeddings.length, 0);
            }
            return Tsne.map(embeddings, Tsne.Settings.defaults(),
                    (done, total) -> progress.update((double) done / total,
                            I18n.text("embedding.tsne.progress", done, total)),
                    progress::isCancelled);
        }, projected -> {
            running.set(false);
            points = projected.points();
            shown = chosen;
            status.set(chosen == Projection.PCA ? I18n.text("embedding.done", points.length)
                    : I18n.text("embedding.tsne.done", points.length,
                            String.format(Locale.ROOT, "%.3g", projected.perplexity())));
            redraw();
        }, failure -> {
            running.set(false);
            status.set("");
            error.set(UserError.of(I18n.text("embedding.failed"), failure));
        });
    }

    /** Asks a running map to stop. */
    public void cancel() {
        if (job != null && running.get()) {
            job.cancel();
            running.set(false);
            status.set(I18n.text("embedding.cancelled"));
        }
    }

    /** Shows the sequence behind item {@code item} of series {@code series} of the map. */
    public void openPoint(int series, int item) {
        RunResult run = session.currentRunProperty().get();
        if (run == null || series < 0 || series >= sequencesPerSeries.size()
                || item < 0 || item >= sequencesPerSeries.get(series).size()) {
            return;
        }
        int index = sequencesPerSeries.get(series).get(item);
        SequenceDataset test = run.testSet();
        sequence.set(SequenceHeat.of(test, index, HEATMAP_FEATURES, I18n.text("evaluation.sequence.title",
                index + 1, test.groupIds().get(index), test.classNames().get(test.label(index)))));
    }

    private void redraw() {
        RunResult run = session.currentRunProperty().get();
        if (points == null || run == null || run.testSet() == null) {
            return;
        }
        SequenceDataset test = run.testSet();
        int[] group = new int[test.sequenceCount()];
        List<String> names;
        double[] times = colouring.get() == Colouring.TIME ? lastStepTimes(test) : null;
        if (times == null) {
            names = test.classNames();
            for (int i = 0; i < group.length; i++) {
                group[i] = test.label(i);
            }
            if (colouring.get() == Colouring.TIME) {
                status.set(I18n.text("embedding.noTime"));
            }
        } else {
            List<Double> distinct = new ArrayList<>(new TreeSet<>(java.util.Arrays.stream(times).boxed().toList()));
            String column = session.timeColumnProperty().get() != null ? session.timeColumnProperty().get()
                    : I18n.text("embedding.colour.time");
            names = distinct.stream().map(t -> String.format(Locale.ROOT, "%s %s", column,
                    t == Math.rint(t) ? Long.toString(t.longValue()) : t.toString())).toList();
            for (int i = 0; i < group.length; i++) {
                group[i] = distinct.indexOf(times[i]);
            }
        }
        List<List<Integer>> perSeries = new ArrayList<>();
        for (int g = 0; g < names.size(); g++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < group.length; i++) {
                if (group[i] == g) {
                    members.add(i);
                }
            }
            perSeries.add(members);
        }
        sequencesPerSeries = perSeries;
        map.set(shown == Projection.PCA
                ? EmbeddingCharts.map(I18n.text("embedding.chart.title"), I18n.text("embedding.axis.pc", 1),
                        I18n.text("embedding.axis.pc", 2), points, group, names)
                : EmbeddingCharts.map(I18n.text("embedding.tsne.chart.title"), I18n.text("embedding.axis.tsne", 1),
                        I18n.text("embedding.axis.tsne", 2), points, group, names));
    }

    /**
     * Time of each test sequence's last measured step (a time course's filled-in time points are not samples);
     * null when the sequences do not record their times.
     */
    private static double[] lastStepTimes(SequenceDataset test) {
        if (!test.hasStepTimes()) {
            return null;
        }
        double[] result = new double[test.sequenceCount()];
        for (int i = 0; i < result.length; i++) {
            int last = test.timeSteps() - 1;
            while (last > 0 && !test.measured(i, last)) {
                last--;
            }
            result[i] = test.stepTime(i, last);
        }
        return result;
    }

    public void dismissError() {
        error.set(null);
    }

    public ObjectProperty<Colouring> colouringProperty() {
        return colouring;
    }

    public ObjectProperty<Projection> projectionProperty() {
        return projection;
    }

    /** True while a map is being computed. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Figure> mapProperty() {
        return map.getReadOnlyProperty();
    }

    /** The sequence of the point last clicked. */
    public ReadOnlyObjectProperty<SequenceHeat> sequenceProperty() {
        return sequence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}

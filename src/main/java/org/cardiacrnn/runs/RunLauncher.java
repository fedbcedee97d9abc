package org.cardiacrnn.runs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.evaluation.BaselineComparison;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.evaluation.Evaluator;
import org.cardiacrnn.evaluation.StaticBaselines;
import org.cardiacrnn.figures.ExportFormat;
import org.cardiacrnn.figures.FigureExporter;
import org.cardiacrnn.figures.FigureSize;
import org.cardiacrnn.sequences.Augmentations;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.sequences.SequenceDataset;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.StopReason;
import org.cardiacrnn.training.Trainer;
import org.cardiacrnn.training.TrainingControl;
import org.cardiacrnn.training.TrainingEvent;
import org.cardiacrnn.training.TrainingListener;
import org.cardiacrnn.training.TrainingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run from data to run folder: prepare sequences and splits, train, evaluate on the test split with the
 * best weights, and write config, metrics, events, model and evaluation (figures on request). The GUI and the
 * CLI both start runs here, so a run looks the same on disk whichever started it.
 */
public final class RunLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);

    /** Entries added to model.zip beside the network, for predicting on new data. */
    public static final String PREPROCESSING_ENTRY = "preprocessing.json";
    public static final String CONFIG_ENTRY = "config.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run produced. {@code evaluation} is null when training failed before the first epoch. */
    public record CompletedRun(RunFolder folder, PreparedData prepared, TrainingResult training,
                               EvaluationReport evaluation) {
    }

    private final RunStore store;

    public RunLauncher(RunStore store) {
        this.store = store;
    }

    /** Prepares the data as the config says, then trains and evaluates. */
    public CompletedRun run(RunConfig config, ExpressionData data, TrainingListener listener, TrainingControl control,
                            boolean exportFigures) {
        PreparedData prepared = DatasetPreparation.prepare(data, config.preparation());
        return run(config, data, prepared, listener, control, exportFigures);
    }

    /** Trains and evaluates on data prepared already (the GUI prepares on the Sequences page). */
    public CompletedRun run(RunConfig config, ExpressionData data, PreparedData prepared, TrainingListener listener,
                            TrainingControl control, boolean exportFigures) {
        return run(config, data, prepared, listener, control, exportFigures, folder -> { });
    }

    /** As above, telling {@code created} the run folder as soon as it exists (sweeps link their trials to it). */
    public CompletedRun run(RunConfig config, ExpressionData data, PreparedData prepared, TrainingListener listener,
                            TrainingControl control, boolean exportFigures, Consumer<RunFolder> created) {
        Hyperparameters hp = config.hyperparameters();
        RunFolder folder = store.create(config.name(), config.preset(), hp.summary());
        try {
            created.accept(folder);
            folder.writeConfig(config, DatasetFingerprint.of(data.matrix()));
            prepared.warnings().forEach(warning -> folder.logEvent("data: " + warning));
            folder.logEvent("sequences: " + prepared.train().sequenceCount() + " training, "
                    + (prepared.validationIsTest() ? "validation = test, " : prepared.validation().sequenceCount()
                    + " validation, ") + prepared.test().sequenceCount() + " test");
            folder.logEvent("split: " + prepared.balance().plainWords());
            SequenceDataset validation = prepared.validationIsTest() ? prepared.test() : prepared.validation();
            TrainingResult training = trainer(hp, folder, listener, control).train(prepared.train(), validation,
                    folder.checkpointsDirectory());
            return finishRun(folder, config, prepared, training, exportFigures);
        } catch (RuntimeException failure) {
            LOG.error("Run {} failed", folder.directory(), failure);
            recordFailure(folder, failure);
            throw failure;
        }
    }

    /**
     * Continues a stopped or interrupted run from its last checkpoint, on data prepared as its config says. The
     * result is the one an uninterrupted run would have had: the trainer's random streams depend only on the seed
     * and the epoch, and epochs after the checkpoint are dropped from metrics.csv and trained again.
     */
    public CompletedRun resume(RunFolder folder, RunConfig config, PreparedData prepared, TrainingListener listener,
                               TrainingControl control, boolean exportFigures) {
        Path checkpoints = folder.directory().resolve("checkpoints");
        int lastEpoch = Trainer.checkpointEpoch(checkpoints);
        if (lastEpoch == 0) {
            throw new RunStoreException(folder.directory(), "has no checkpoint to resume from (no epoch finished); "
                    + "train it again instead");
        }
        folder.markResumed();
        try {
            folder.keepMetricsUpTo(lastEpoch);
            folder.logEvent("resuming after epoch " + lastEpoch);
            Hyperparameters hp = config.hyperparameters();
            SequenceDataset validation = prepared.validationIsTest() ? prepared.test() : prepared.validation();
            TrainingResult training = trainer(hp, folder, listener, control).resume(prepared.train(), validation,
                    checkpoints);
            return finishRun(folder, config, prepared, training, exportFigures);
        } catch (RuntimeException failure) {
            recordFailure(folder, failure);
            throw failure;
        }
    }

    /**
     * Notes the failure in the run folder when the disk still allows it. On a full disk that note fails too, and
     * its error (naming run.json) must not replace the one that names the file that could not be written first.
     */
    private static void recordFailure(RunFolder folder, RuntimeException failure) {
        try {
            folder.logEvent("failed: " + failure.getMessage());
            folder.finish(RunState.FAILED, failure.getMessage());
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    private static Trainer trainer(Hyperparameters hp, RunFolder folder, TrainingListener listener,
                                   TrainingControl control) {
        return new Trainer(hp, Augmentations.of(hp.noiseSigma(), hp.temporalDropout(), hp.shuffleProbability()),
                recording(folder, listener), control);
    }

    private static CompletedRun finishRun(RunFolder folder, RunConfig config, PreparedData prepared,
                                          TrainingResult training, boolean exportFigures) {
        EvaluationReport evaluation = null;
        if (training.model() != null) {
            evaluation = Evaluator.evaluate(training.model(), prepared.test());
            // Does time matter? Static models on the same split answer it beside the network.
            BaselineComparison baselines = StaticBaselines.compare(prepared.train(), prepared.test(),
                    evaluation.predictedLabels().stream().mapToInt(Integer::intValue).toArray());
            folder.writeEvaluation(evaluation, baselines);
            folder.logEvent("baselines: " + baselines.summary());
            training.model().save(folder.modelFile(), modelExtras(config, prepared));
            folder.recordAccuracies(training.best().validationAccuracy(), evaluation.accuracy());
            folder.logEvent(String.format(Locale.ROOT, "test: accuracy %.4f on %d sequences (best epoch %d)",
                    evaluation.accuracy(), evaluation.sampleCount(), training.bestEpoch()));
            if (exportFigures) {
                new FigureExporter().exportAll(RunFigures.all(evaluation, folder.readMetrics()),
                        folder.figuresDirectory(), FigureSize.SINGLE_COLUMN, 300,
                        EnumSet.of(ExportFormat.PNG, ExportFormat.SVG, ExportFormat.PDF, ExportFormat.CSV));
            }
        }
        folder.finish(state(training.stopReason()), training.failure() != null ? training.failure()
                : training.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        return new CompletedRun(folder, prepared, training, evaluation);
    }

    private static RunState state(StopReason reason) {
        return switch (reason) {
            case COMPLETED, EARLY_STOPPED -> RunState.FINISHED;
            case STOPPED -> RunState.STOPPED;
            case FAILED -> RunState.FAILED;
        };
    }

    /** Writes each epoch to metrics.csv and each notable event to events.log, then passes events on. */
    private static TrainingListener recording(RunFolder folder, TrainingListener next) {
        return event -> {
            if (event instanceof TrainingEvent.Epoch epoch) {
                folder.appendMetrics(new EpochMetrics(epoch.epoch(), epoch.trainLoss(), epoch.trainAccuracy(),
                        epoch.validationLoss(), epoch.validationAccuracy(), epoch.learningRate(), epoch.seconds()));
                folder.logEvent(String.format(Locale.ROOT, "epoch %d: train loss %.4f acc %.4f, validation loss %.4f "
                        + "acc %.4f, lr %.2e, %.1f s", epoch.epoch(), epoch.trainLoss(), epoch.trainAccuracy(),
                        epoch.validationLoss(), epoch.validationAccuracy(), epoch.learningRate(), epoch.seconds()));
            } else if (event instanceof TrainingEvent.LearningRateReduced reduced) {
                folder.logEvent(String.format(Locale.ROOT, "learning rate reduced from %.2e to %.2e after epoch %d",
                        reduced.from(), reduced.to(), reduced.epoch()));
            } else if (event instanceof TrainingEvent.EarlyStopped stopped) {
                folder.logEvent("early stop after epoch " + stopped.epoch() + "; best epoch " + stopped.bestEpoch());
            } else if (event instanceof TrainingEvent.Failed failed) {
                folder.logEvent("training failed: " + failed.message());
            }
            next.onEvent(event);
        };
    }

    private static Map<String, byte[]> modelExtras(RunConfig config, PreparedData prepared) {
        try {
            Map<String, byte[]> extras = new LinkedHashMap<>();
            extras.put(PREPROCESSING_ENTRY, JSON.writeValueAsBytes(prepared.preprocessing()));
            extras.put(CONFIG_ENTRY, JSON.writeValueAsString(config).getBytes(StandardCharsets.UTF_8));
            return extras;
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("run settings could not be written as JSON", impossible);
        }
    }
}

package org.cardiacrnn.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.sequences.Augmentation;
import org.cardiacrnn.sequences.SequenceDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loop: an explicit epoch loop on the caller's thread (the GUI's background executor, or the
 * CLI's main thread), with shuffled mini-batches, augmentation of training batches only, the learning-rate
 * schedule, early stopping that restores the best weights, and a checkpoint after every epoch.
 *
 * <p>Reproducibility: every random stream (batch order, augmentation, dropout) is seeded from the
 * hyperparameters' seed and the epoch number, so the same data and settings give the same metrics, and a
 * run resumed from a checkpoint continues exactly as if it had not stopped.
 */
public final class Trainer {

    private final Hyperparameters hp;
    private final Augmentation augmentation;
    private final TrainingListener listener;
    private final TrainingControl control;

    public Trainer(Hyperparameters hp, Augmentation augmentation, TrainingListener listener, TrainingControl control) {
        this.hp = hp;
        this.augmentation = augmentation;
        this.listener = listener;
        this.control = control;
    }

    /**
     * Trains a new network.
     *
     * @param validation  sequences for validation loss/accuracy, the schedule and early stopping
     * @param checkpoints folder for checkpoints (null: none are written)
     */
    public TrainingResult train(SequenceDataset train, SequenceDataset validation, Path checkpoints) {
        requireTrainable(train, validation);
        double[] weights = NetworkFactory.inverseFrequencyWeights(train.labels(), train.classCount());
        MultiLayerNetwork network = NetworkFactory.build(hp, train.featureCount(), train.classCount(), weights);
        PlateauScheduler scheduler = new PlateauScheduler(hp.plateauFactor(), hp.plateauPatience(),
                hp.minLearningRate(), hp.learningRate());
        Checkpoint.State start = new Checkpoint.State(0, 0, hp.learningRate(), scheduler.state(),
                Double.NaN, 0, 0, List.of());
        return run(network, network.params().dup(), start, train, validation, weights, checkpoints);
    }

    /** Continues a run from the checkpoint in {@code checkpoints}, exactly where it stopped. */
    public TrainingResult resume(SequenceDataset train, SequenceDataset validation, Path checkpoints) {
        requireTrainable(train, validation);
        if (!Checkpoint.exists(checkpoints)) {
            throw new TrainingException(checkpoints + ": no checkpoint to resume from");
        }
        Checkpoint.State state = Checkpoint.readState(checkpoints);
        MultiLayerNetwork network = Checkpoint.readNetwork(checkpoints, Checkpoint.LAST, true);
        INDArray best = Checkpoint.readNetwork(checkpoints, Checkpoint.BEST, false).params().dup();
        double[] weights = NetworkFactory.inverseFrequencyWeights(train.labels(), train.classCount());
        return run(network, best, state, train, validation, weights, checkpoints);
    }

    /** The last epoch saved in {@code checkpoints}, or 0 when there is no checkpoint to resume from. */
    public static int checkpointEpoch(Path checkpoints) {
        return Checkpoint.exists(checkpoints) ? Checkpoint.readState(checkpoints).epoch() : 0;
    }

    /** The best weights saved so far in {@code checkpoints}, or null when no epoch finished. */
    public static TrainedModel bestSoFar(Path checkpoints, List<String> classNames) {
        if (checkpoints == null || !java.nio.file.Files.isRegularFile(checkpoints.resolve(Checkpoint.BEST))) {
            return null;
        }
        return new TrainedModel(Checkpoint.readNetwork(checkpoints, Checkpoint.BEST, false), classNames);
    }

    private static void requireTrainable(SequenceDataset train, SequenceDataset validation) {
        if (train.sequenceCount() == 0) {
            throw new TrainingException("the training split holds no sequences; use more data or another split");
        }
        if (validation.sequenceCount() == 0) {
            throw new TrainingException("the validation split holds no sequences; give it a share of the data "
                    + "or validate on the test split");
        }
    }

    private TrainingResult run(MultiLayerNetwork network, INDArray bestParams, Checkpoint.State start,
                               SequenceDataset train, SequenceDataset validation, double[] weights, Path checkpoints) {
        PlateauScheduler scheduler = new PlateauScheduler(hp.plateauFactor(), hp.plateauPatience(),
                hp.minLearningRate(), start.learningRate());
        scheduler.restore(start.scheduler());
        List<TrainingEvent.Epoch> history = new ArrayList<>(start.history());
        double learningRate = start.learningRate();
        double bestScore = start.bestScore();
        int bestEpoch = start.bestEpoch();
        int sinceImprovement = start.epochsWithoutImprovement();
        int iteration = start.iteration();
        int batchesPerEpoch = (train.sequenceCount() + hp.batchSize() - 1) / hp.batchSize();
        StopReason reason = StopReason.COMPLETED;
        String failure = null;
        BatchMeasure measure = BatchMeasure.attach(network, hp, weights);
        BatchTensors tensors = new BatchTensors();

        // Set only when it changes: DL4J rebuilds and compares the whole updater state on every call.
        NetworkFactory.setLearningRate(network, learningRate);

        epochs:
        for (int epoch = start.epoch() + 1; epoch <= hp.epochs(); epoch++) {
            long started = System.nanoTime();
            Nd4j.getRandom().setSeed(hp.seed() * 1_000_003L + epoch);
            Random random = new Random(hp.seed() * 31L + epoch);
            int[] order = shuffled(train.sequenceCount(), random);
            measure.startEpoch();
            for (int b = 0; b < batchesPerEpoch; b++) {
                if (!awaitPermission()) {
                    reason = StopReason.STOPPED;
                    break epochs;
                }
                int from = b * hp.batchSize();
                int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + hp.batchSize()));
                SequenceDataset batch = augmentation.apply(train.subset(rows), random);
                measure.fit(network, tensors.of(batch), batch.labels());
                double loss = network.score();
                iteration++;
                if (!Double.isFinite(loss)) {
                    reason = StopReason.FAILED;
                    failure = "the training loss became " + loss + " at epoch " + epoch + ", iteration " + iteration
                            + "; lower the learning rate or check the data for extreme values";
                    break epochs;
                }
                listener.onEvent(new TrainingEvent.Iteration(epoch, iteration, batchesPerEpoch, loss, learningRate));
            }
            TrainedModel current = new TrainedModel(network, train.classNames());
            LossMeasure onTrain = measure.epochMeasure();
            LossMeasure onValidation = LossMeasure.of(hp, current.predictProbabilities(validation),
                    validation.labels(), weights);
            if (!Double.isFinite(onValidation.loss())) {
                reason = StopReason.FAILED;
                failure = "the validation loss became " + onValidation.loss() + " at epoch " + epoch
                        + "; lower the learning rate or check the data for extreme values";
                break;
            }
            TrainingEvent.Epoch result = new TrainingEvent.Epoch(epoch, onTrain.loss(), onTrain.accuracy(),
                    onValidation.loss(), onValidation.accuracy(), learningRate, (System.nanoTime() - started) / 1e9);
            history.add(result);
            listener.onEvent(result);

            double score = hp.earlyStoppingMetric() == Hyperparameters.StoppingMetric.VALIDATION_LOSS
                    ? onValidation.loss() : -onValidation.accuracy();
            boolean improved = Double.isNaN(bestScore) || score < bestScore;
            if (improved) {
                bestScore = score;
                bestEpoch = epoch;
                sinceImprovement = 0;
                bestParams = network.params().dup();
            } else {
                sinceImprovement++;
            }
            if (hp.scheduler() == Hyperparameters.Scheduler.REDUCE_ON_PLATEAU) {
                double next = scheduler.onEpoch(onValidation.loss());
                if (next < learningRate) {
                    listener.onEvent(new TrainingEvent.LearningRateReduced(epoch, learningRate, next));
                }
                if (next != learningRate) {
                    NetworkFactory.setLearningRate(network, next);
                }
                learningRate = next;
            }
            if (checkpoints != null) {
                Checkpoint.save(checkpoints, network, bestParams, improved, new Checkpoint.State(epoch, iteration,
                        learningRate, scheduler.state(), bestScore, bestEpoch, sinceImprovement, history));
                listener.onEvent(new TrainingEvent.CheckpointSaved(epoch, checkpoints));
            }
            if (hp.earlyStoppingPatience() > 0 && sinceImprovement >= hp.earlyStoppingPatience()
                    && epoch < hp.epochs()) {
                reason = StopReason.EARLY_STOPPED;
                listener.onEvent(new TrainingEvent.EarlyStopped(epoch, bestEpoch));
                break;
            }
        }

        network.setListeners();
        TrainedModel model = null;
        if (bestEpoch > 0) {
            network.setParams(bestParams);
            model = new TrainedModel(network, train.classNames());
        }
        TrainingResult result = new TrainingResult(bestEpoch, history, reason, failure, model);
        listener.onEvent(reason == StopReason.FAILED ? new TrainingEvent.Failed(failure)
                : new TrainingEvent.Finished(result));
        return result;
    }

    private boolean awaitPermission() {
        try {
            return control.awaitPermission();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int[] shuffled(int count, Random random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}

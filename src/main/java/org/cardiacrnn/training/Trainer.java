package org.cardiacrnn.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
        return run(network, network.params().dup(), TrainingState.fresh(hp), train, validation, weights,
                checkpoints);
    }

    /** Continues a run from the checkpoint in {@code checkpoints}, exactly where it stopped. */
    public TrainingResult resume(SequenceDataset train, SequenceDataset validation, Path checkpoints) {
        requireTrainable(train, validation);
        if (!Checkpoint.exists(checkpoints)) {
            throw new TrainingException(checkpoints + ": no checkpoint to resume from");
        }
        TrainingState state = Checkpoint.readState(checkpoints);
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
        if (checkpoints == null || !Files.isRegularFile(checkpoints.resolve(Checkpoint.BEST))) {
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

    /** Why a run ends before its last planned epoch; {@code failure} is set only for {@link StopReason#FAILED}. */
    private record Ending(StopReason reason, String failure) {

        static final Ending COMPLETED = new Ending(StopReason.COMPLETED, null);
        static final Ending STOPPED = new Ending(StopReason.STOPPED, null);
        static final Ending EARLY_STOPPED = new Ending(StopReason.EARLY_STOPPED, null);

        static Ending failed(String failure) {
            return new Ending(StopReason.FAILED, failure);
        }
    }

    /** Where the run stands after an epoch: the state to go on from, and the ending if it stops here. */
    private record Step(TrainingState state, Optional<Ending> ending) {

        static Step goOn(TrainingState state) {
            return new Step(state, Optional.empty());
        }

        static Step end(TrainingState state, Ending ending) {
            return new Step(state, Optional.of(ending));
        }
    }

    private TrainingResult run(MultiLayerNetwork network, INDArray bestParams, TrainingState start,
                               SequenceDataset train, SequenceDataset validation, double[] weights, Path checkpoints) {
        EpochLoop loop = new EpochLoop(network, bestParams, train, validation, weights, checkpoints);
        // Set only when it changes: DL4J rebuilds and compares the whole updater state on every call.
        NetworkFactory.setLearningRate(network, start.learningRate());
        Step step = Step.goOn(start);
        while (step.ending().isEmpty() && step.state().epoch() < hp.epochs()) {
            step = loop.next(step.state());
        }
        return loop.finish(step.state(), step.ending().orElse(Ending.COMPLETED));
    }

    /**
     * One run's fixed parts and the only two things that change in place: the network's weights, and the copy of
     * the best weights so far, replaced when an epoch improves on it.
     */
    private final class EpochLoop {

        private final MultiLayerNetwork network;
        private final SequenceDataset train;
        private final SequenceDataset validation;
        private final double[] weights;
        private final Path checkpoints;
        private final int batchesPerEpoch;
        private final PlateauScheduler plateau;
        private final BatchMeasure measure;
        private final BatchTensors tensors = new BatchTensors();
        private INDArray bestParams;

        EpochLoop(MultiLayerNetwork network, INDArray bestParams, SequenceDataset train, SequenceDataset validation,
                  double[] weights, Path checkpoints) {
            this.network = network;
            this.bestParams = bestParams;
            this.train = train;
            this.validation = validation;
            this.weights = weights;
            this.checkpoints = checkpoints;
            this.batchesPerEpoch = (train.sequenceCount() + hp.batchSize() - 1) / hp.batchSize();
            this.plateau = new PlateauScheduler(hp.plateauFactor(), hp.plateauPatience(), hp.minLearningRate());
            this.measure = BatchMeasure.attach(network, hp, weights);
        }

        /** Trains the epoch after {@code state}'s, validates, schedules, checkpoints and decides on stopping. */
        Step next(TrainingState state) {
            int epoch = state.epoch() + 1;
            long started = System.nanoTime();
            Nd4j.getRandom().setSeed(hp.seed() * 1_000_003L + epoch);
            Random random = new Random(hp.seed() * 31L + epoch);
            Optional<Ending> interrupted = fitBatches(epoch, state, random);
            if (interrupted.isPresent()) {
                return Step.end(state, interrupted.get());
            }
            LossMeasure onTrain = measure.epochMeasure();
            LossMeasure onValidation = LossMeasure.of(hp,
                    new TrainedModel(network, train.classNames()).predictProbabilities(validation),
                    validation.labels(), weights);
            if (!Double.isFinite(onValidation.loss())) {
                return Step.end(state, Ending.failed("the validation loss became " + onValidation.loss()
                        + " at epoch " + epoch + "; lower the learning rate or check the data for extreme values"));
            }
            TrainingEvent.Epoch finished = new TrainingEvent.Epoch(epoch, onTrain.loss(), onTrain.accuracy(),
                    onValidation.loss(), onValidation.accuracy(), state.learningRate(),
                    (System.nanoTime() - started) / 1e9);
            listener.onEvent(finished);

            double score = hp.earlyStoppingMetric() == Hyperparameters.StoppingMetric.VALIDATION_LOSS
                    ? onValidation.loss() : -onValidation.accuracy();
            boolean improved = state.improvedBy(score);
            if (improved) {
                bestParams = network.params().dup();
            }
            PlateauScheduler.State scheduler = state.scheduler();
            double nextRate = state.learningRate();
            if (hp.scheduler() == Hyperparameters.Scheduler.REDUCE_ON_PLATEAU) {
                scheduler = plateau.next(scheduler, onValidation.loss());
                nextRate = changeLearningRate(epoch, state.learningRate(), scheduler.learningRate());
            }
            TrainingState after = state.after(finished, state.iteration() + batchesPerEpoch, score, scheduler,
                    nextRate);
            if (checkpoints != null) {
                Checkpoint.save(checkpoints, network, bestParams, improved, after);
                listener.onEvent(new TrainingEvent.CheckpointSaved(epoch, checkpoints));
            }
            if (after.stopsEarly(hp)) {
                listener.onEvent(new TrainingEvent.EarlyStopped(epoch, after.bestEpoch()));
                return Step.end(after, Ending.EARLY_STOPPED);
            }
            return Step.goOn(after);
        }

        /** Trains the epoch's mini-batches; an ending when the user stopped or the loss diverged. */
        private Optional<Ending> fitBatches(int epoch, TrainingState state, Random random) {
            int[] order = shuffled(train.sequenceCount(), random);
            measure.startEpoch();
            for (int b = 0; b < batchesPerEpoch; b++) {
                if (!awaitPermission()) {
                    return Optional.of(Ending.STOPPED);
                }
                int from = b * hp.batchSize();
                int[] rows = Arrays.copyOfRange(order, from, Math.min(order.length, from + hp.batchSize()));
                SequenceDataset batch = augmentation.apply(train.subset(rows), random);
                measure.fit(network, tensors.of(batch), batch.labels());
                double loss = network.score();
                int iteration = state.iteration() + b + 1;
                if (!Double.isFinite(loss)) {
                    return Optional.of(Ending.failed("the training loss became " + loss + " at epoch " + epoch
                            + ", iteration " + iteration
                            + "; lower the learning rate or check the data for extreme values"));
                }
                listener.onEvent(new TrainingEvent.Iteration(epoch, iteration, batchesPerEpoch, loss,
                        state.learningRate()));
            }
            return Optional.empty();
        }

        private double changeLearningRate(int epoch, double current, double next) {
            if (next < current) {
                listener.onEvent(new TrainingEvent.LearningRateReduced(epoch, current, next));
            }
            if (next != current) {
                NetworkFactory.setLearningRate(network, next);
            }
            return next;
        }

        /** Keeps the best weights, reports how the run ended and returns its result. */
        TrainingResult finish(TrainingState state, Ending ending) {
            network.setListeners();
            TrainedModel model = null;
            if (state.bestEpoch() > 0) {
                network.setParams(bestParams);
                model = new TrainedModel(network, train.classNames());
            }
            TrainingResult result = new TrainingResult(state.bestEpoch(), state.history(), ending.reason(),
                    ending.failure(), model);
            listener.onEvent(ending.reason() == StopReason.FAILED ? new TrainingEvent.Failed(ending.failure())
                    : new TrainingEvent.Finished(result));
            return result;
        }
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

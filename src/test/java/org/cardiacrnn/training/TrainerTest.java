package org.cardiacrnn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.sequences.Augmentation;
import org.cardiacrnn.sequences.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static final SequenceDataset TRAIN = ToySequences.make(48, 12, 5, 3, 1.5, 1);
    private static final SequenceDataset VALIDATION = ToySequences.make(24, 12, 5, 3, 1.5, 2);

    @TempDir
    Path folder;

    private static TrainingResult train(Hyperparameters hp, Path checkpoints, TrainingListener listener,
                                        TrainingControl control) {
        return new Trainer(hp, Augmentation.none(), listener, control).train(TRAIN, VALIDATION, checkpoints);
    }

    @Test
    void learnsASeparableProblemAndReportsEveryEpoch() {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingResult result = train(ToySequences.tiny().withOverride("epochs", "6"), null, events::add,
                new TrainingControl());

        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.history()).hasSize(6);
        assertThat(result.history().get(5).trainLoss()).isLessThan(result.history().get(0).trainLoss());
        assertThat(result.best().validationAccuracy()).isGreaterThan(0.6);
        assertThat(events).filteredOn(e -> e instanceof TrainingEvent.Iteration).hasSize(6 * 6);
        assertThat(events.get(events.size() - 1)).isInstanceOf(TrainingEvent.Finished.class);
    }

    @Test
    void sameSeedSameMetrics() {
        TrainingResult first = train(ToySequences.tiny(), null, TrainingListener.none(), new TrainingControl());
        TrainingResult second = train(ToySequences.tiny(), null, TrainingListener.none(), new TrainingControl());
        for (int i = 0; i < first.history().size(); i++) {
            assertThat(second.history().get(i).validationLoss())
                    .isCloseTo(first.history().get(i).validationLoss(), within(1e-6));
            assertThat(second.history().get(i).trainLoss()).isCloseTo(first.history().get(i).trainLoss(), within(1e-6));
        }
    }

    @Test
    void resumingFromACheckpointContinuesExactly() {
        Hyperparameters four = ToySequences.tiny().withOverride("dropout", "0.3").withOverride("noiseSigma", "0");
        TrainingResult straight = train(four, null, TrainingListener.none(), new TrainingControl());

        Path checkpoints = folder.resolve("checkpoints");
        TrainingResult firstHalf = train(four.withOverride("epochs", "2"), checkpoints, TrainingListener.none(),
                new TrainingControl());
        assertThat(firstHalf.history()).hasSize(2);
        TrainingResult resumed = new Trainer(four, Augmentation.none(), TrainingListener.none(), new TrainingControl())
                .resume(TRAIN, VALIDATION, checkpoints);

        assertThat(resumed.history()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(resumed.history().get(i).validationLoss())
                    .isCloseTo(straight.history().get(i).validationLoss(), within(1e-6));
        }
    }

    @Test
    void resumingAfterTheLearningRateFellContinuesExactly() {
        // Noisy labels and a rate too large: validation loss rises at epoch 2, so the plateau rule halves the rate
        // within the first half and the resumed half must start from the lowered rate and the rule's memory.
        SequenceDataset noisyTrain = ToySequences.make(24, 12, 5, 3, 0.2, 5);
        Hyperparameters hp = ToySequences.tiny().withOverride("epochs", "6").withOverride("learningRate", "0.3")
                .withOverride("scheduler", "REDUCE_ON_PLATEAU").withOverride("plateauPatience", "1")
                .withOverride("plateauFactor", "0.5").withOverride("dropout", "0").withOverride("noiseSigma", "0");
        List<TrainingEvent> events = new ArrayList<>();
        TrainingResult straight = new Trainer(hp, Augmentation.none(), events::add, new TrainingControl())
                .train(noisyTrain, VALIDATION, null);
        assertThat(events).filteredOn(e -> e instanceof TrainingEvent.LearningRateReduced
                && ((TrainingEvent.LearningRateReduced) e).epoch() <= 3).isNotEmpty();

        Path checkpoints = folder.resolve("plateau");
        new Trainer(hp.withOverride("epochs", "3"), Augmentation.none(), TrainingListener.none(),
                new TrainingControl()).train(noisyTrain, VALIDATION, checkpoints);
        TrainingResult resumed = new Trainer(hp, Augmentation.none(), TrainingListener.none(), new TrainingControl())
                .resume(noisyTrain, VALIDATION, checkpoints);

        assertThat(resumed.history()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(resumed.history().get(i).learningRate()).isEqualTo(straight.history().get(i).learningRate());
            assertThat(resumed.history().get(i).validationLoss())
                    .isCloseTo(straight.history().get(i).validationLoss(), within(1e-6));
        }
        assertThat(resumed.bestEpoch()).isEqualTo(straight.bestEpoch());
    }

    @Test
    void stopActsAtTheNextIterationAndKeepsTheBestEpoch() {
        TrainingControl control = new TrainingControl();
        AtomicInteger iterations = new AtomicInteger();
        TrainingResult result = train(ToySequences.tiny(), folder.resolve("c"), event -> {
            if (event instanceof TrainingEvent.Iteration && iterations.incrementAndGet() == 8) {
                control.stop();
            }
        }, control);

        assertThat(result.stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(iterations.get()).isEqualTo(8);
        assertThat(result.history()).hasSize(1);
        assertThat(result.model()).isNotNull();
        assertThat(Files.exists(folder.resolve("c").resolve(Checkpoint.STATE))).isTrue();
    }

    @Test
    void pauseBlocksTheTrainingThreadUntilResumed() throws Exception {
        TrainingControl control = new TrainingControl();
        AtomicInteger iterations = new AtomicInteger();
        Thread worker = new Thread(() -> train(ToySequences.tiny(), null, event -> {
            if (event instanceof TrainingEvent.Iteration && iterations.incrementAndGet() == 3) {
                control.pause();
            }
        }, control));
        worker.start();
        // Waits for the state itself (parked in awaitPermission), not for a guessed time.
        long deadline = System.currentTimeMillis() + 60_000;
        while (!parkedInAwaitPermission(worker) && worker.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(parkedInAwaitPermission(worker)).as("the worker waits for permission").isTrue();
        assertThat(iterations.get()).isEqualTo(3);
        control.resume();
        worker.join(60_000);
        assertThat(iterations.get()).isEqualTo(4 * 6);
    }

    private static boolean parkedInAwaitPermission(Thread worker) {
        if (worker.getState() != Thread.State.WAITING) {
            return false;
        }
        for (StackTraceElement frame : worker.getStackTrace()) {
            if (frame.getClassName().equals(TrainingControl.class.getName())
                    && frame.getMethodName().equals("awaitPermission")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aNonFiniteLossFailsClearlyAndKeepsTheLastCheckpoint() {
        Path checkpoints = folder.resolve("nan");
        List<TrainingEvent> events = new ArrayList<>();
        // An absurd learning rate without clipping makes the weights, and then the loss, overflow.
        Hyperparameters hp = ToySequences.tiny().withOverride("learningRate", "1e30").withOverride("gradientClip", "0");

        TrainingResult result = new Trainer(hp, Augmentation.none(), events::add, new TrainingControl())
                .train(TRAIN, VALIDATION, checkpoints);

        assertThat(result.stopReason()).isEqualTo(StopReason.FAILED);
        assertThat(result.failure()).contains("lower the learning rate");
        assertThat(events.get(events.size() - 1)).isInstanceOf(TrainingEvent.Failed.class);
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        // Noisy labels on few sequences: validation loss rises once the network starts memorising.
        SequenceDataset noisyTrain = ToySequences.make(24, 12, 5, 3, 0.2, 5);
        Hyperparameters hp = ToySequences.tiny().withOverride("epochs", "40").withOverride("learningRate", "0.03")
                .withOverride("earlyStoppingPatience", "3").withOverride("scheduler", "NONE")
                .withOverride("dropout", "0").withOverride("noiseSigma", "0");
        TrainingResult result = new Trainer(hp, Augmentation.none(), TrainingListener.none(), new TrainingControl())
                .train(noisyTrain, VALIDATION, null);

        assertThat(result.stopReason()).isEqualTo(StopReason.EARLY_STOPPED);
        int last = result.history().get(result.history().size() - 1).epoch();
        assertThat(last - result.bestEpoch()).isEqualTo(3);
        float[][] probabilities = result.model().predictProbabilities(VALIDATION);
        double restoredLoss = LossMeasure.of(hp, probabilities, VALIDATION.labels(), null).loss();
        assertThat(restoredLoss).isCloseTo(result.best().validationLoss(), within(1e-5));
    }
}

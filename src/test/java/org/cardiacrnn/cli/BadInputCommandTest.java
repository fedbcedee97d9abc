package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Each mistake a user can make on the command line ends in one line naming the setting, and exit code 2. */
class BadInputCommandTest {

    @TempDir
    Path dir;

    /** A small time course: 2 donors × 2 classes × 6 days, 4 genes; {@code cell} fills each (sample, gene). */
    private Path matrix(String name, IntFunction<String> labelOfSample, CellValue cell) throws IOException {
        StringBuilder text = new StringBuilder("sample,donor,stage,day,g1,g2,g3,g4\n");
        int sample = 0;
        for (int donor = 1; donor <= 2; donor++) {
            for (int stage = 0; stage < 2; stage++) {
                for (int day = 0; day < 6; day++) {
                    text.append(String.format(Locale.ROOT, "s%d,d%d,%s,%d", sample, donor,
                            labelOfSample.apply(stage), day));
                    for (int gene = 0; gene < 4; gene++) {
                        text.append(',').append(cell.value(sample, gene, day, stage));
                    }
                    text.append('\n');
                    sample++;
                }
            }
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    interface CellValue {
        String value(int sample, int gene, int day, int stage);
    }

    private Path goodMatrix() throws IOException {
        return matrix("good.csv", stage -> stage == 0 ? "atrial" : "ventricular",
                (sample, gene, day, stage) -> Integer.toString(1 + day * (gene + 1) + stage * 7 + sample % 3));
    }

    private CliRun train(Object... args) {
        String[] quick = {"--window", "3", "--set=epochs=1", "--label-column", "stage", "--time-column", "day"};
        String[] all = new String[1 + args.length + quick.length];
        all[0] = "train";
        for (int i = 0; i < args.length; i++) {
            all[i + 1] = args[i].toString();
        }
        System.arraycopy(quick, 0, all, 1 + args.length, quick.length);
        return CliRun.of(all);
    }

    private static void assertOneLineError(CliRun run, String... fragments) {
        assertThat(run.code()).as(run.err()).isEqualTo(Main.EXIT_USER_ERROR);
        String[] lines = run.err().strip().split("\n");
        assertThat(lines).as(run.err()).hasSize(1);
        assertThat(lines[0]).startsWith("error: ").contains(fragments);
    }

    @Test
    void unknownOptionIsOneLineAndAHintNotTheUsage() throws IOException {
        CliRun run = CliRun.of("train", goodMatrix().toString(), "--bogus");
        assertThat(run.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(run.err().strip().split("\n")).containsExactly("error: Unknown option: '--bogus'",
                "try 'cardiac-rnn train --help' for the options");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void nonIntegerOptionValueIsOneLineAndAHint() throws IOException {
        CliRun run = CliRun.of("train", goodMatrix().toString(), "--window", "abc");
        assertThat(run.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(run.err().strip().split("\n")).hasSize(2);
        assertThat(run.err()).contains("--window").contains("abc").doesNotContain("Usage");
    }

    @Test
    void foldsBelowTwoAreRefused() throws IOException {
        Path data = goodMatrix();
        for (String folds : new String[] {"0", "-2", "1"}) {
            assertOneLineError(train(data, "--folds", folds, "--workspace", dir.resolve("ws")),
                    "--folds must be 2 or more", "got " + folds);
        }
        assertThat(dir.resolve("ws")).doesNotExist();
    }

    @Test
    void emptyWorkspaceIsRefused() throws IOException {
        assertOneLineError(train(goodMatrix(), "--workspace", ""), "--workspace is empty");
        assertOneLineError(CliRun.of("sweep", "--list", "--workspace", ""), "--workspace is empty");
    }

    @Test
    void sampleIdColumnWithNothingToJoinIsRefused() throws IOException {
        assertOneLineError(train(goodMatrix(), "--sample-id-column", "nosuch", "--workspace", dir.resolve("ws")),
                "good.csv", "\"nosuch\"", "no metadata table");
    }

    @Test
    void aHeaderlessMetadataTableIsAnsweredWithTheOptionsThatFixIt() throws IOException {
        Path headerless = dir.resolve("time.txt");
        Files.writeString(headerless, "0\t0.1\n12\t0.5\n24\t0.9\n");
        assertOneLineError(train(goodMatrix(), "--metadata", headerless, "--workspace", dir.resolve("ws")),
                "time.txt", "no metadata row matches", "--sample-id-column", "--annotations");
    }

    @Test
    void negativeMetadataColumnCountIsRefused() throws IOException {
        assertOneLineError(train(goodMatrix(), "--metadata-columns", "-1"), "--metadata-columns must be 0 or more");
    }

    @Test
    void benchTrainWithoutEpochsIsRefusedAtOnce() {
        assertOneLineError(CliRun.of("bench", "train", "--epochs", "0"), "--epochs must be 1 or more");
    }

    @Test
    void oneClassIsRefusedWithTheReason() throws IOException {
        Path oneClass = matrix("one-class.csv", stage -> "atrial",
                (sample, gene, day, stage) -> Integer.toString(1 + day * (gene + 1) + sample % 5));
        assertOneLineError(train(oneClass, "--workspace", dir.resolve("ws")), "\"stage\" holds only one class",
                "[atrial]");
    }

    @Test
    void allConstantMatrixIsRefused() throws IOException {
        Path constant = matrix("zeros.csv", stage -> stage == 0 ? "a" : "b", (sample, gene, day, stage) -> "0");
        assertOneLineError(train(constant, "--workspace", dir.resolve("ws")), "every value of the matrix is the same",
                "(0)");
    }

    @Test
    void singleTimePointIsRefused() throws IOException {
        Path data = goodMatrix();
        String text = Files.readString(data).replaceAll("(?m)^(s\\d+,d\\d,\\w+),\\d+,", "$1,5,");
        Files.writeString(data, text);
        assertOneLineError(train(data, "--workspace", dir.resolve("ws")), "\"day\" holds a single time point (5)");
    }

    @Test
    void aWindowLongerThanEveryTrajectoryOfAClassIsRefusedWithTheReason() throws IOException {
        CliRun run = CliRun.of("train", goodMatrix().toString(), "--window", "7", "--label-column", "stage",
                "--time-column", "day", "--workspace", dir.resolve("ws").toString());
        assertOneLineError(run, "class \"atrial\" is too short for a window of 7 samples", "\"atrial/d1\", has 6 "
                + "sample(s) at 6 time point(s)", "repeat or invent time points", "lower --window to 6");
    }

    @Test
    void negativeValuesAreRefusedWhenCpmIsOn() throws IOException {
        Path negative = matrix("negative.csv", stage -> stage == 0 ? "a" : "b",
                (sample, gene, day, stage) -> Integer.toString(day - 3 + gene));
        assertOneLineError(train(negative, "--cpm", "--workspace", dir.resolve("ws")), "sample \"s0\", gene \"g1\"",
                "-3.0", "need counts");
    }

    @Test
    void aGeneMissingEverywhereNamesTheOptionThatLeavesItOut() throws IOException {
        Path missing = matrix("missing-gene.csv", stage -> stage == 0 ? "atrial" : "ventricular",
                (sample, gene, day, stage) -> gene == 2 ? "NA"
                        : Integer.toString(1 + day * (gene + 1) + stage * 7 + sample % 3));
        assertOneLineError(train(missing, "--workspace", dir.resolve("ws"), "--split", "random",
                "--allow-missing-classes"), "\"g3\"", "--missing-values drop-genes");

        CliRun dropped = train(missing, "--workspace", dir.resolve("ws"), "--split", "random",
                "--allow-missing-classes", "--missing-values", "drop-genes", "--set=hiddenUnits=4");
        assertThat(dropped.code()).as(dropped.err()).isZero();
    }

    @Test
    void droppedSamplesAreCountedInOneLineOfTheTrainReport() throws IOException {
        Path data = goodMatrix();
        String text = Files.readString(data).replace("s3,d1,atrial,3", "s3,d1,,3").replace("s4,d1,atrial,4",
                "s4,d1,atrial,NA");
        Files.writeString(data, text);
        CliRun run = train(data, "--workspace", dir.resolve("ws"), "--set=hiddenUnits=4", "--split", "random",
                "--allow-missing-classes");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("note: left out 2 of 24 samples: 1 with no value in \"stage\" (a blank label "
                + "or no metadata row), 1 with no value in \"day\"");
    }

    @CommandLine.Command(name = "explode")
    record Explode(Throwable failure) implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }

    @Test
    void anUnexpectedFailureIsOneLineAndItsStackTraceGoesToTheLogFile() {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try {
            for (Throwable failure : new Throwable[] {new IllegalStateException("boom\nsecond line"),
                    new OutOfMemoryError("Java heap space")}) {
                CommandLine cli = Main.newCommandLine();
                cli.addSubcommand("explode", new Explode(failure));
                var err = new java.io.StringWriter();
                cli.setErr(new java.io.PrintWriter(err));
                int code = Main.execute(cli, "explode");
                assertThat(code).isEqualTo(Main.EXIT_USER_ERROR);
                String[] lines = err.toString().strip().split("\n");
                assertThat(lines).hasSize(1);
                assertThat(lines[0]).startsWith("error: unexpected failure (" + failure.getClass().getSimpleName())
                        .contains("details in " + FailureLog.file());
            }
            assertThat(FailureLog.file()).content().contains("java.lang.IllegalStateException: boom")
                    .contains("java.lang.OutOfMemoryError: Java heap space").contains("at org.cardiacrnn.cli");
        } finally {
            System.setProperty("user.home", home);
        }
    }
}

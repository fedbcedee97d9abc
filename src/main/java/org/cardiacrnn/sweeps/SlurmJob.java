package org.cardiacrnn.sweeps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.cardiacrnn.io.AtomicFiles;

/**
 * A sweep's workers as one SLURM job array, recorded in the sweep folder so the sweep can be followed and
 * cancelled from any node.
 *
 * @param id          the array job's id, as {@code sbatch --parsable} prints it
 * @param workers     array size: one worker per task
 * @param script      the submitted script
 * @param submittedAt ISO-8601 instant
 */
public record SlurmJob(String id, int workers, String script, String submittedAt) {

    /** What the user asks of the scheduler, passed through to {@code #SBATCH} lines. */
    public record Request(int workers, String partition, String time, Integer cpusPerTask, String memory,
                          List<String> extraArguments) {
        public Request {
            if (workers < 1) {
                throw new SweepException("--workers must be at least 1; got " + workers);
            }
            if (cpusPerTask != null && cpusPerTask < 1) {
                throw new SweepException("--cpus-per-task must be at least 1; got " + cpusPerTask);
            }
            extraArguments = extraArguments == null ? List.of() : List.copyOf(extraArguments);
        }
    }

    /** The script file's name inside the sweep folder. */
    public static final String SCRIPT_NAME = "submit.sbatch";

    /**
     * Writes {@code submit.sbatch} into the sweep folder: an array of {@code request.workers()} tasks, each
     * running {@code worker} (the installed program with {@code sweep --worker SWEEP_DIR}).
     */
    public static Path writeScript(SweepFolder folder, Request request, List<String> worker) {
        StringBuilder script = new StringBuilder("#!/bin/bash\n");
        script.append("# Cardiac RNN Workbench sweep ").append(folder.id()).append(": one worker per array task.\n");
        script.append("# Every worker claims waiting trials from the shared sweep folder until none is left.\n");
        sbatch(script, "--job-name=" + jobName(folder.id()));
        sbatch(script, "--array=1-" + request.workers());
        sbatch(script, "--output=" + folder.directory().resolve("workers").resolve("slurm-%A_%a.out"));
        if (request.partition() != null) {
            sbatch(script, "--partition=" + request.partition());
        }
        if (request.time() != null) {
            sbatch(script, "--time=" + request.time());
        }
        if (request.cpusPerTask() != null) {
            sbatch(script, "--cpus-per-task=" + request.cpusPerTask());
        }
        if (request.memory() != null) {
            sbatch(script, "--mem=" + request.memory());
        }
        request.extraArguments().forEach(argument -> sbatch(script, argument));
        script.append("\nexec");
        worker.forEach(word -> script.append(' ').append(quote(word)));
        script.append('\n');
        Path file = folder.directory().resolve(SCRIPT_NAME);
        try {
            Files.createDirectories(folder.directory().resolve("workers"));
            AtomicFiles.writeString(file, script.toString());
            file.toFile().setExecutable(true);
        } catch (IOException failure) {
            throw new SweepException(file + ": cannot be written (" + AtomicFiles.describe(failure) + ")", failure);
        }
        return file;
    }

    /** Submits the script with {@code sbatch} and returns the array job's id. */
    public static String submit(Path script) {
        String out = command(List.of("sbatch", "--parsable", script.toString()), "submit " + script);
        // --parsable prints "jobid" or "jobid;cluster".
        String id = out.strip().split(";", 2)[0];
        if (!id.matches("\\d+")) {
            throw new SweepException("sbatch did not print a job id for " + script + "; it said: " + out.strip());
        }
        return id;
    }

    /** Cancels the whole job array, or one task of it ({@code 1234_2}). */
    public static void cancel(String jobId) {
        command(List.of("scancel", jobId), "cancel job " + jobId);
    }

    static String command(List<String> words, String what) {
        Process process;
        try {
            process = new ProcessBuilder(words).redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new SweepException("cannot " + what + ": " + words.get(0) + " is not installed here (it comes "
                    + "with SLURM's client tools; run this on a cluster login node, or use --dry-run and submit "
                    + "the script by hand)", missing);
        }
        try (InputStream output = process.getInputStream()) {
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new SweepException("cannot " + what + ": " + words.get(0) + " did not answer in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new SweepException("cannot " + what + ": " + words.get(0) + " said: " + firstLine(text));
            }
            return text;
        } catch (IOException failure) {
            throw new SweepException("cannot " + what + ": " + failure.getMessage(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SweepException("cannot " + what + ": interrupted", interrupted);
        }
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end);
    }

    private static void sbatch(StringBuilder script, String argument) {
        script.append("#SBATCH ").append(argument).append('\n');
    }

    private static String jobName(String sweepId) {
        String name = "crnn-" + sweepId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    /** Single quotes for the shell: nothing inside is expanded. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

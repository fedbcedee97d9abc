package org.cardiacrnn.sweeps;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The worker process that claimed a trial, as trials.json records it, so the live table can say where each
 * trial runs and a lost worker's trial can be given back.
 *
 * @param host      the node's host name
 * @param job       the scheduler's job id ({@code 1234_2} for task 2 of array job 1234); null outside SLURM
 * @param pid       the worker's process id on its host
 * @param token     unique per claim: a worker only writes to a trial while the trial still holds its token
 * @param claimedAt ISO-8601 instant of the claim
 */
public record TrialWorker(String host, String job, long pid, String token, String claimedAt) {

    /** This process as a worker claiming a trial now; the job id comes from SLURM's environment when set. */
    public static TrialWorker current(Instant now) {
        return new TrialWorker(hostName(), slurmJob(System.getenv()), ProcessHandle.current().pid(),
                UUID.randomUUID().toString(), now.toString());
    }

    /** {@code host, job 1234_2, pid 77}: how the table and the events name a worker. */
    public String describe() {
        return host + (job != null ? ", job " + job : "") + ", pid " + pid;
    }

    static String slurmJob(Map<String, String> environment) {
        String arrayJob = environment.get("SLURM_ARRAY_JOB_ID");
        String task = environment.get("SLURM_ARRAY_TASK_ID");
        if (arrayJob != null && task != null) {
            return arrayJob + "_" + task;
        }
        return environment.get("SLURM_JOB_ID");
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "unknown-host";
        }
    }
}

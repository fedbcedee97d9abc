package org.cardiacrnn.runs;

/** Where a run stands. */
public enum RunState {
    /** Training or evaluating now, in a process that is still alive. */
    RUNNING,
    /** Completed normally. */
    FINISHED,
    /** Stopped by the user; what was saved so far is kept. */
    STOPPED,
    /** Ended by an error (e.g. a NaN loss); the message says why. */
    FAILED,
    /** Its process ended without finishing it (crash, kill, power loss); the last checkpoint is kept. */
    INTERRUPTED,
    /** Only in listings: the folder's run.json is missing or unreadable. */
    UNREADABLE
}

package org.cardiacrnn.app.common;

/**
 * Long work for the background executor: loading files, preparing sequences, training, exporting.
 * It reports progress through the given reporter and should return early once
 * {@link ProgressReporter#isCancelled()} is true.
 */
@FunctionalInterface
public interface BackgroundJob<T> {

    T run(ProgressReporter progress) throws Exception;
}

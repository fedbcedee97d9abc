package org.cardiacrnn;

import org.cardiacrnn.nn.NativeThreads;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sets ND4J's native threads as {@code Startup} does for the CLI and the GUI, once per test JVM, on the thread
 * that runs the tests: the engine's numbers and speed in tests are then those users get.
 */
public final class NativeThreadsForTests implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        NativeThreads.configure();
    }
}

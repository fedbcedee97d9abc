package org.cardiacrnn.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the workbench keeps the user's runs, preferences and extracted sample data: the platform's
 * per-user data folder, never the installation folder, so uninstalling keeps the user's work.
 * {@code CARDIAC_RNN_HOME} overrides it (tests, servers, portable use).
 */
public final class UserDataDirectory {

    static final String APP_FOLDER = "cardiac-rnn-workbench";

    private UserDataDirectory() {
    }

    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path resolve(Map<String, String> environment, String osName, String userHome) {
        String override = environment.get("CARDIAC_RNN_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            return (appData != null ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming"))
                    .resolve("Cardiac RNN Workbench");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Cardiac RNN Workbench");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve(APP_FOLDER);
    }
}

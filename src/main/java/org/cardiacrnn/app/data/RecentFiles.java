package org.cardiacrnn.app.data;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The last few matrices the user opened, newest first. Kept in the user's Java preferences (never in the
 * installation directory); {@link #inMemory()} serves tests.
 */
public interface RecentFiles {

    int LIMIT = 8;

    List<String> list();

    void remember(String path);

    /** Recent files stored in the user's preferences node of the workbench. */
    static RecentFiles userPreferences() {
        Preferences node = Preferences.userRoot().node("org/cardiacrnn/workbench/recent");
        return new RecentFiles() {
            @Override
            public List<String> list() {
                List<String> paths = new ArrayList<>();
                for (int i = 0; i < LIMIT; i++) {
                    String path = node.get("file" + i, null);
                    if (path != null) {
                        paths.add(path);
                    }
                }
                return paths;
            }

            @Override
            public void remember(String path) {
                List<String> paths = updated(list(), path);
                for (int i = 0; i < LIMIT; i++) {
                    if (i < paths.size()) {
                        node.put("file" + i, paths.get(i));
                    } else {
                        node.remove("file" + i);
                    }
                }
            }
        };
    }

    /** Recent files that live only as long as the object. */
    static RecentFiles inMemory() {
        List<String> paths = new ArrayList<>();
        return new RecentFiles() {
            @Override
            public List<String> list() {
                return List.copyOf(paths);
            }

            @Override
            public void remember(String path) {
                List<String> next = updated(paths, path);
                paths.clear();
                paths.addAll(next);
            }
        };
    }

    private static List<String> updated(List<String> current, String newest) {
        List<String> next = new ArrayList<>();
        next.add(newest);
        for (String path : current) {
            if (!path.equals(newest) && next.size() < LIMIT) {
                next.add(path);
            }
        }
        return next;
    }
}

package org.cardiacrnn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UserDataDirectoryTest {

    @Test
    void overrideWinsEverywhere() {
        assertThat(UserDataDirectory.resolve(Map.of("CARDIAC_RNN_HOME", "/data/wb"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/data/wb"));
    }

    @Test
    void linuxFollowsXdgAndFallsBackToLocalShare() {
        assertThat(UserDataDirectory.resolve(Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/x/cardiac-rnn-workbench"));
        assertThat(UserDataDirectory.resolve(Map.of(), "Linux", "/home/a"))
                .isEqualTo(Path.of("/home/a/.local/share/cardiac-rnn-workbench"));
    }

    @Test
    void macAndWindowsUseTheirApplicationDataFolders() {
        assertThat(UserDataDirectory.resolve(Map.of(), "Mac OS X", "/Users/a"))
                .isEqualTo(Path.of("/Users/a/Library/Application Support/Cardiac RNN Workbench"));
        assertThat(UserDataDirectory.resolve(Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), "Windows 11",
                "C:/Users/a"))
                .isEqualTo(Path.of("C:/Users/a/AppData/Roaming/Cardiac RNN Workbench"));
    }
}

package org.cardiacrnn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacingAFileLeavesOnlyTheTargetBehind() throws Exception {
        Path target = dir.resolve("run.json");

        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second");

        assertThat(Files.readString(target)).isEqualTo("second");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aConcurrentReaderSeesOnlyWholeVersions() throws Exception {
        Path target = dir.resolve("metrics.csv");
        String a = "a".repeat(300_000);
        String b = "b".repeat(200_000);
        AtomicFiles.writeString(target, a);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    String seen = Files.readString(target);
                    reads.incrementAndGet();
                    if (!seen.equals(a) && !seen.equals(b)) {
                        torn.set("length " + seen.length());
                    }
                } catch (Exception e) {
                    torn.set(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            AtomicFiles.writeString(target, i % 2 == 0 ? b : a);
        }
        done.set(true);
        reader.join();

        assertThat(torn.get()).isNull();
        assertThat(reads.get()).isPositive();
    }

    @Test
    void filesAreReadableByOthersLikeAnySavedFile() throws Exception {
        Path target = dir.resolve("roc.png");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("figure.pdf");
        AtomicFiles.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new Exception("renderer broke");
        })).isInstanceOf(java.io.IOException.class).hasMessageContaining("renderer broke");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteRemovesItsTemporaryFileAndNamesTheTarget() throws Exception {
        Path target = dir.resolve("evaluation.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "x");

        assertThatThrownBy(() -> AtomicFiles.writeString(target, "{}"))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("evaluation.json");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}

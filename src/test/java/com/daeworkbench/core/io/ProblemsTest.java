package com.daeworkbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemsTest {
    @Test
    void aFileExceptionThatNamesOnlyThePathGetsItsProblemAdded() {
        assertThat(Problems.describe(new NoSuchFileException("/scans/page1.png"))).isEqualTo("/scans/page1.png: no such file or folder");
        assertThat(Problems.describe(new AccessDeniedException("/out"))).isEqualTo("/out: permission denied");
        assertThat(Problems.describe(new FileSystemException("/a", "/b", null))).isEqualTo("/a -> /b: cannot be read or written");
    }

    @Test
    void aReasonTheExceptionGivesIsKept() {
        assertThat(Problems.describe(new NoSuchFileException("m.dae", null, "no such model file"))).isEqualTo("m.dae: no such model file");
        assertThat(Problems.describe(new IllegalArgumentException("--epochs must be in 1..10000"))).isEqualTo("--epochs must be in 1..10000");
    }

    @Test
    void theCauseInsideAnExecutorsWrappingIsWhatIsTold() {
        var wrapped = new ExecutionException(new RuntimeException(new NoSuchFileException("p.pdf")));
        assertThat(Problems.describe(wrapped)).isEqualTo("p.pdf: no such file or folder");
        assertThat(Problems.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        try {
            Files.createDirectories(file);
        } catch (IOException e) {
            assertThat(Problems.describe(e)).isEqualTo(file + ": already exists (a file where a folder should be?)");
            return;
        }
        throw new AssertionError("createDirectories on a file succeeded");
    }
}

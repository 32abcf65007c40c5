package com.daeworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.io.DataException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFoldersTest {
    @TempDir Path tmp;

    @Test
    void aFolderCountsImagesByContentNotByName() throws Exception {
        // eval --dataset DIR and the window's folder drop both come here (DatasetSource.resolve)
        Path dir = Files.createDirectories(tmp.resolve("pictures"));
        Files.copy(Path.of("src/test/resources/corpus/valid/gray8.png"), dir.resolve("real.png"));
        Files.writeString(dir.resolve("notes.png"), "shopping list, not a picture");
        assertThatThrownBy(() -> DatasetSource.resolve(dir.toString()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("needs at least 2 images (one to train on, one to validate), found 1")
                .hasMessageContaining("not images, whatever their names: notes.png");
    }
}

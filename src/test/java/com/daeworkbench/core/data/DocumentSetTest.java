package com.daeworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.data.DocumentGenerator.Settings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSetTest {

    private static final Settings SMALL = Settings.defaults().withSize(160, 120);

    @TempDir
    Path tmp;

    @Test
    void writesMatchingPagesInBothFoldersAndNoTemporaries() throws IOException {
        List<Path> written = DocumentSet.write(tmp, 3, 11, SMALL);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("001.png", "002.png", "003.png");
        assertThat(names(tmp.resolve("train"))).containsExactly("001.png", "002.png", "003.png");
        assertThat(names(tmp.resolve("train_cleaned"))).containsExactly("001.png", "002.png", "003.png");

        BufferedImage dirty = ImageIO.read(tmp.resolve("train/002.png").toFile());
        assertThat(dirty.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(dirty.getWidth()).isEqualTo(160);
        assertThat(dirty.getHeight()).isEqualTo(120);

        // the files hold exactly the pages generated in memory with the same seed
        DocumentSet mem = DocumentSet.generate(3, 11, SMALL);
        float[] clean = DocumentPair.fromGray(ImageIO.read(tmp.resolve("train_cleaned/002.png").toFile()));
        assertThat(clean).containsExactly(mem.clean().image(1));
        assertThat(DocumentPair.fromGray(dirty)).containsExactly(mem.dirty().image(1));
    }

    @Test
    void refusesANonEmptyTrainFolderUnlessOverwriting() throws IOException {
        DocumentSet.write(tmp, 3, 1, SMALL);
        assertThatThrownBy(() -> DocumentSet.write(tmp, 2, 2, SMALL))
                .isInstanceOf(IOException.class).hasMessageContaining("not empty");

        Files.writeString(tmp.resolve("train/notes.txt"), "keep me");
        DocumentSet.write(tmp, 2, 2, SMALL, true, null);
        // the old third page is gone so the folders hold one set; other files are left alone
        assertThat(names(tmp.resolve("train"))).containsExactly("001.png", "002.png", "notes.txt");
        assertThat(names(tmp.resolve("train_cleaned"))).containsExactly("001.png", "002.png");
    }

    @Test
    void dirtyPagesCanBeJpegWhileCleanOnesStayPng() throws IOException {
        DocumentSet.write(tmp, 2, 4, SMALL, false, DocumentSet.DirtyFormat.JPEG, null);
        assertThat(names(tmp.resolve("train"))).containsExactly("001.jpg", "002.jpg");
        assertThat(names(tmp.resolve("train_cleaned"))).containsExactly("001.png", "002.png");
        assertThat(ImageIO.read(tmp.resolve("train/001.jpg").toFile()).getWidth()).isEqualTo(160);
    }

    @Test
    void inMemorySetIsDeterministicAndSplits() {
        DocumentSet a = DocumentSet.generate(4, 5, SMALL);
        DocumentSet b = DocumentSet.generate(4, 5, SMALL);
        assertThat(a.dirty().pixels()).containsExactly(b.dirty().pixels());
        assertThat(a.count()).isEqualTo(4);
        // page i does not depend on how many pages the set has
        assertThat(DocumentSet.generate(2, 5, SMALL).clean().image(1)).containsExactly(a.clean().image(1));

        Dataset ds = a.toDataset("documents", 1);
        assertThat(ds.hasPairs()).isTrue();
        assertThat(ds.train().count()).isEqualTo(3);
        assertThat(ds.test().count()).isEqualTo(1);
        assertThat(ds.width()).isEqualTo(160);
    }

    @Test
    void rejectsCountsOutOfRange() {
        assertThatThrownBy(() -> DocumentSet.generate(0, 1, SMALL)).hasMessageContaining("1..100000");
        assertThatThrownBy(() -> DocumentSet.write(tmp, 100_001, 1, SMALL)).hasMessageContaining("1..100000");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

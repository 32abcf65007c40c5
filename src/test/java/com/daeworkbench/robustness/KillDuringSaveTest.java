package com.daeworkbench.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 a process in the middle of saving, twenty times at seeded random moments: the file
 * on disk is always one complete version, old or new, never a torn mix or a stub. The child
 * saves through {@link AtomicFiles}, the path every model, run, settings file and cleaned page
 * takes; 8 MB per save keeps each write long enough to be hit mid-way.
 */
class KillDuringSaveTest {
    static final int SIZE = 8 << 20;
    static final int TRIALS = 20;

    /** The child: saves versions 1, 2, 3... of the target, each SIZE bytes all equal to (version % 250) + 1. */
    public static final class Saver {
        public static void main(String[] args) throws Exception {
            Path target = Path.of(args[0]);
            byte[] block = new byte[1 << 16];
            for (int version = 1; ; version++) {
                Arrays.fill(block, (byte) (version % 250 + 1));
                AtomicFiles.write(target, out -> {
                    for (int written = 0; written < SIZE; written += block.length) out.write(block);
                });
                System.out.println("saved " + version);
                System.out.flush();
            }
        }
    }

    /** The child: starts writing the target, says so, and waits mid-write to be stopped (Ctrl-C or kill). */
    public static final class StalledWriter {
        public static void main(String[] args) throws Exception {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write(new byte[1 << 20]);
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void stoppingTheProcessMidWriteLeavesNoTempFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("long.pdf");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StalledWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream()));
        assertThat(lines.readLine()).isEqualTo("writing");
        assertThat(temps(dir)).as("the temp file is there while writing").isEqualTo(1);
        child.destroy();   // SIGTERM, as Ctrl-C or a stopped service: exit hooks run
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("no output and no temp file").isEmpty();
        }
    }

    static long temps(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void killingTheProcessMidSaveNeverLeavesATornFile(@TempDir Path dir) throws Exception {
        Random random = new Random(20261124);
        Path target = dir.resolve("model.dae");
        int killedMidWrite = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            long tempsBefore = temps(dir);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Saver.class.getName(), target.toString())
                    .redirectErrorStream(true).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream()));
            assertThat(lines.readLine()).as("the child saved once").startsWith("saved");
            Thread.sleep(random.nextInt(400));   // somewhere inside a later save
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            byte[] bytes = Files.readAllBytes(target);
            assertThat(bytes).as("trial %d: a complete file", trial).hasSize(SIZE);
            byte first = bytes[0];
            for (int i = 0; i < bytes.length; i += 4093) {
                assertThat(bytes[i]).as("trial %d: one version throughout", trial).isEqualTo(first);
            }
            if (temps(dir) > tempsBefore) killedMidWrite++;
        }
        System.out.printf("kill during save: %d trials, %d killed mid-write (temp file left), 0 torn files%n", TRIALS, killedMidWrite);
        assertThat(killedMidWrite).as("the kills did land inside writes").isPositive();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> !p.getFileName().toString().endsWith(".tmp")))
                    .as("debris is only hidden .tmp files beside the target").containsExactly(target);
        }
    }
}

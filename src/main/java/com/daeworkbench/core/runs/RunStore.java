package com.daeworkbench.core.runs;

import com.daeworkbench.core.io.AtomicFiles;
import com.daeworkbench.core.io.Json;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.DenoisingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs kept across restarts, one folder each ({@code run.json} + {@code model.dae}), every
 * write atomic. A run still marked RUNNING when the app starts was cut off by a crash: see
 * {@link #recoverInterrupted()}.
 */
public final class RunStore {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneId.systemDefault());
    private final Path root;

    public RunStore(Path root) {
        this.root = root;
    }

    public Path root() { return root; }

    public static String newId() {
        return ID.format(Instant.now());
    }

    public Path folderOf(String id) {
        return root.resolve(id);
    }

    public Path modelOf(String id) {
        return folderOf(id).resolve("model" + ModelStore.EXTENSION);
    }

    public void save(RunRecord run) throws IOException {
        AtomicFiles.writeBytes(folderOf(run.id()).resolve("run.json"), Json.MAPPER.writeValueAsBytes(run));
    }

    public void saveModel(String id, DenoisingModel model, ModelInfo info) throws IOException {
        ModelStore.save(modelOf(id), model, info);
    }

    /**
     * Marks runs still RUNNING on disk as INTERRUPTED: call once when the app starts, when no
     * run of this process can be under way, so a crash shows up as such in the runs list.
     */
    public int recoverInterrupted() {
        int n = 0;
        for (RunRecord r : list(new ArrayList<>())) {
            if (r.status() != RunRecord.Status.RUNNING) continue;
            try {
                save(r.with(RunRecord.Status.INTERRUPTED, "the app stopped during this run; its last epoch's model is kept",
                        r.iterationLoss(), r.epochs()));
                n++;
            } catch (IOException e) {
                // listed as RUNNING then; nothing is lost
            }
        }
        return n;
    }

    /**
     * The model of the newest run that has one (runs of earlier sessions included; sweep points
     * keep none). Run folders are named by their start time, so this reads no run.json.
     */
    public java.util.Optional<Path> latestModel() {
        if (!Files.isDirectory(root)) return java.util.Optional.empty();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .map(dir -> modelOf(dir.getFileName().toString())).filter(Files::isRegularFile).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** One run's record, as {@link #save} wrote it. */
    public RunRecord load(String id) throws IOException {
        return Json.MAPPER.readValue(folderOf(id).resolve("run.json").toFile(), RunRecord.class);
    }

    /** Every readable run, newest first; unreadable folders are skipped and reported in {@code problems}. */
    public List<RunRecord> list(List<String> problems) {
        List<RunRecord> runs = new ArrayList<>();
        if (!Files.isDirectory(root)) return runs;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path file = dir.resolve("run.json");
                if (!Files.isRegularFile(file)) continue;
                try {
                    runs.add(Json.MAPPER.readValue(file.toFile(), RunRecord.class));
                } catch (IOException | RuntimeException e) {
                    problems.add(dir.getFileName() + "/run.json: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add(root + ": " + e.getMessage());
        }
        runs.sort(Comparator.comparing(RunRecord::createdAt).reversed());
        return runs;
    }

    public void delete(String id) throws IOException {
        Path dir = folderOf(id);
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

package com.daeworkbench.core.io;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A model file: one zip holding {@code spec.json} (the architecture), {@code info.json}
 * (corruption, data set, metrics, format version), {@code weights.nd4j} (ND4J's own array
 * format) and any entries the model adds (a table model's {@code table.json}): readers that do
 * not know an entry ignore it. Written atomically; any damage is reported as a {@link ModelFileException} that
 * names the file.
 */
public final class ModelStore {
    /**
     * 2: the spec may ask for a page preprocessing ({@code pageInput}); 3: the spec may dilate a
     * residual network's convolutions ({@code dilation}). A file is written with the lowest
     * version that describes it, so older versions of the app read the models they can run and
     * refuse those they would run wrongly.
     */
    public static final int FORMAT_VERSION = 3;
    public static final String EXTENSION = ".dae";
    private static final String SPEC = "spec.json";
    private static final String INFO = "info.json";
    private static final String WEIGHTS = "weights.nd4j";
    private static final long MAX_ENTRY_BYTES = 512L << 20;

    private ModelStore() { }

    public static void save(Path file, DenoisingModel model, ModelInfo info) throws IOException {
        byte[] spec = Json.MAPPER.writeValueAsBytes(model.spec());
        int version = formatVersionOf(model.spec());
        byte[] meta = Json.MAPPER.writeValueAsBytes(info.withFormatVersion(version));
        byte[] weights = model.toBytes();
        Map<String, byte[]> extras = model.extraEntries();
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, SPEC, spec);
            put(zip, INFO, meta);
            put(zip, WEIGHTS, weights);
            for (Map.Entry<String, byte[]> e : extras.entrySet()) put(zip, e.getKey(), e.getValue());
            zip.finish();
        });
    }

    static int formatVersionOf(ArchitectureSpec spec) {
        if (spec.dilation() > 1) return 3;
        return spec.pageInput() == ArchitectureSpec.PageInput.RAW ? 1 : 2;
    }

    public static SavedModel load(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "no such model file");
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file);
        }
    }

    /** Reads a model from a stream (a class-path resource); {@code file} names it in errors. */
    public static SavedModel load(InputStream stream, Path file) throws IOException {
        Map<String, byte[]> entries = readEntries(stream, file);
        for (String name : new String[] {SPEC, INFO, WEIGHTS}) {
            if (!entries.containsKey(name)) {
                throw new ModelFileException(file, "not a DAE Workbench model (" + name + " is missing)");
            }
        }
        ModelInfo info;
        ArchitectureSpec spec;
        try {
            info = Json.MAPPER.readValue(entries.get(INFO), ModelInfo.class);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, "info.json is damaged: " + e.getOriginalMessage());
        }
        if (info.formatVersion() > FORMAT_VERSION || info.formatVersion() < 1) {
            throw new ModelFileException(file, "model format version " + info.formatVersion()
                    + " is not supported (this version reads 1.." + FORMAT_VERSION + ")");
        }
        try {
            spec = Json.MAPPER.readValue(entries.get(SPEC), ArchitectureSpec.class);
        } catch (JsonProcessingException e) {
            String why = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : e.getOriginalMessage();
            throw new ModelFileException(file, "spec.json is damaged: " + why);
        }
        try {
            Map<String, byte[]> extras = new HashMap<>(entries);
            extras.keySet().removeAll(java.util.Set.of(SPEC, INFO, WEIGHTS));
            return new SavedModel(Models.fromBytes(spec, entries.get(WEIGHTS)), info, extras);
        } catch (IOException e) {
            throw new ModelFileException(file, e.getMessage());
        }
    }

    private static Map<String, byte[]> readEntries(InputStream stream, Path file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(stream)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), readBounded(zip, file));
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFileException(file, "truncated or damaged model file (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "damaged model file (" + e.getMessage() + ")");
        }
        if (entries.isEmpty()) throw new ModelFileException(file, "not a model file (no zip entries)");
        return entries;
    }

    private static byte[] readBounded(InputStream in, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_ENTRY_BYTES) throw new ModelFileException(file, "an entry is larger than 512 MB");
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A model file that cannot be used; the message names the file and the reason. */
    public static final class ModelFileException extends IOException {
        public ModelFileException(Path file, String reason) {
            super(file.getFileName() + ": " + reason);
        }
    }
}

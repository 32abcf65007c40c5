package com.daeworkbench.core.infer;

import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.model.WarmStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The bundled document denoiser: what `denoise` and the Documents view use when no model is given. */
public final class DocumentModel {
    public static final String RESOURCE = "/assets/models/documents" + ModelStore.EXTENSION;

    private DocumentModel() { }

    public record Loaded(DenoisingModel model, String description) { }

    public static boolean isBundled() {
        return DocumentModel.class.getResource(RESOURCE) != null;
    }

    public static SavedModel loadBundled() throws IOException {
        try (InputStream in = DocumentModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException("this build has no bundled document model (" + RESOURCE + ")");
            return ModelStore.load(in, Path.of("documents" + ModelStore.EXTENSION));
        }
    }

    /** For benchmarks before a document model exists: same shape, untrained weights, labelled as such. */
    public static Loaded loadBundledOrUntrained() {
        if (isBundled()) {
            try {
                SavedModel saved = loadBundled();
                return new Loaded(saved.model(), "bundled document model, " + describe(saved.model().spec()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ArchitectureSpec spec = ArchitectureSpec.defaults(ArchitectureSpec.Kind.RESIDUAL, 64, 64);
        return new Loaded(Models.create(spec), "untrained " + describe(spec) + " (no bundled model in this build)");
    }

    /**
     * The bundled weights under the caller's training settings (learning rate, batch, seed...),
     * to fine-tune on a user's own page pairs. The architecture must be the bundled one, except
     * that more layers grow it: the extra ones start as the identity ({@link com.daeworkbench.core.model.Deepening}), so the
     * first step begins from pages the bundled model already cleans.
     */
    public static DenoisingModel fineTunable(ArchitectureSpec training) throws IOException {
        SavedModel saved = loadBundled();
        try (DenoisingModel bundled = saved.model()) {
            ArchitectureSpec b = bundled.spec();
            if (training.kind() != b.kind() || training.layers() < b.layers() || training.width() != b.width()
                    || training.bottleneck() != b.bottleneck() || training.activation() != b.activation()) {
                throw new IllegalArgumentException("fine-tuning keeps the bundled model's architecture ("
                        + describe(b) + ", " + b.activation().name().toLowerCase()
                        + "; more layers grow it); set those or start from fresh weights");
            }
            return WarmStart.from(bundled, training.layers() - b.layers(), training);
        }
    }

    /** The bundled model's architecture, or null when this build has none. */
    public static ArchitectureSpec bundledSpec() {
        if (!isBundled()) return null;
        try {
            SavedModel saved = loadBundled();
            try (DenoisingModel m = saved.model()) {
                return m.spec();
            }
        } catch (IOException e) {
            return null;
        }
    }

    static String describe(ArchitectureSpec s) {
        return s.kind().name().toLowerCase() + " " + s.layers() + " layers x " + s.width() + " filters";
    }
}

package com.daeworkbench.ui.analysis;

import com.daeworkbench.core.data.BundledDigits;
import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.noise.Corruptions;
import java.nio.file.Path;
import java.util.Map;

/** A small conv model trained for a few hundred steps on the bundled digits, saved as a model file. */
final class TinyModels {
    private TinyModels() { }

    static Path conv(Path file) throws Exception {
        Dataset digits = BundledDigits.load();
        ArchitectureSpec spec = new ArchitectureSpec(ArchitectureSpec.Kind.CONV, 28, 28, 2, 8, 4,
                ArchitectureSpec.Activation.RELU, ArchitectureSpec.Loss.BCE, ArchitectureSpec.Optimizer.ADAM, 3e-3, 64, 0, 1);
        Corruption noise = CorruptionSpec.parse("gaussian:0.5");
        try (DenoisingModel m = Models.create(spec)) {
            ImageSet train = digits.train();
            for (int step = 0; step < 150; step++) {
                int from = (step * 64) % (train.count() - 64);
                ImageSet clean = train.slice(from, from + 64);
                m.fit(Corruptions.corruptSet(clean, noise, step).pixels(), clean.pixels(), 64);
            }
            ModelStore.save(file, m, ModelInfo.of(noise.spec(), digits.name(), 1, Map.of()));
        }
        return file;
    }
}

package com.daeworkbench.core.analysis;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.train.Trainer;
import com.daeworkbench.core.train.TrainingEvent;
import java.util.SplittableRandom;

/** Small blob images and a small dense model trained on them in a few seconds. */
final class TinyModels {
    static final int SIDE = 12;

    private TinyModels() { }

    /** Soft round blobs; the label is the quadrant of the blob's centre (0..3). */
    static ImageSet blobs(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[count * SIDE * SIDE];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            double cy = 1 + r.nextDouble() * (SIDE - 2), cx = 1 + r.nextDouble() * (SIDE - 2), s = 1.5 + r.nextDouble() * 1.5;
            labels[n] = (cy < SIDE / 2.0 ? 0 : 2) + (cx < SIDE / 2.0 ? 0 : 1);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    px[(n * SIDE + y) * SIDE + x] = (float) Math.exp(-((y - cy) * (y - cy) + (x - cx) * (x - cx)) / (2 * s * s));
                }
            }
        }
        return new ImageSet(count, SIDE, SIDE, px, labels);
    }

    /** Thin random stripes: nothing like a blob. */
    static ImageSet stripes(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[count * SIDE * SIDE];
        for (int n = 0; n < count; n++) {
            int period = 2 + r.nextInt(3);
            boolean vertical = r.nextBoolean();
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) px[(n * SIDE + y) * SIDE + x] = ((vertical ? x : y) % period == 0) ? 1f : 0f;
            }
        }
        return new ImageSet(count, SIDE, SIDE, px, null);
    }

    static ArchitectureSpec dense(long seed) {
        ArchitectureSpec d = ArchitectureSpec.defaults(Kind.DENSE, SIDE, SIDE);
        return new ArchitectureSpec(Kind.DENSE, SIDE, SIDE, 1, 48, 8, d.activation(), d.loss(), d.optimizer(), 3e-3, 16, 0, seed);
    }

    static Dataset blobData() {
        return Dataset.clean("blobs", blobs(512, 1), blobs(128, 2));
    }

    /** A dense DAE trained 4 epochs on blobs with gaussian:0.2. */
    static DenoisingModel trainedDense() {
        DenoisingModel model = Models.create(dense(3));
        var result = new Trainer(model, blobData(), CorruptionSpec.parse("gaussian:0.2"), new Trainer.Options(4, 0, 0, 0, 5))
                .run(e -> { });
        if (result.outcome() != TrainingEvent.Outcome.COMPLETED) throw new IllegalStateException(result.message());
        return model;
    }
}

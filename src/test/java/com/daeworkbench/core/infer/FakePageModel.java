package com.daeworkbench.core.infer;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;

/**
 * A stand-in network for the page pipeline's tests: it only denoises, as each test says, and
 * by default takes paper-divided pages like the bundled document model.
 */
interface FakePageModel extends DenoisingModel {
    default ArchitectureSpec spec() {
        return ArchitectureSpec.defaults(ArchitectureSpec.Kind.RESIDUAL, 64, 64).withPageInput(ArchitectureSpec.PageInput.PAPER_DIVIDED);
    }
    default long parameterCount() { return 0; }
    default double fit(float[] n, float[] c, int k) { return 0; }
    default double loss(float[] n, float[] c, int k) { return 0; }
    default float[] encode(float[] in, int count, int h, int w) { return new float[0]; }
    default int codeSize(int h, int w) { return 0; }
    default byte[] toBytes() { return new byte[0]; }
    default void close() { }
}

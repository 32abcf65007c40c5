package com.daeworkbench.core.model;

import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads ND4J's native backend once. Loading takes seconds (hundreds of MB of natives are
 * extracted on first use), so the GUI calls {@link #initialize()} in the background and
 * keeps the window usable meanwhile.
 */
public final class Engine {
    private static final AtomicBoolean READY = new AtomicBoolean();

    private Engine() { }

    /**
     * Bounds ND4J's off-heap memory. SameDiff allocates fresh native buffers for every op and
     * they are freed only when the garbage collector finds their small Java handles, which a
     * near-empty heap rarely needs: a residual model grew to 17 GB and was OOM-killed. With
     * these limits JavaCPP runs the collector when native use nears the bound. Must run before
     * any ND4J or JavaCPP class loads; a user's own -D settings win.
     */
    public static void boundNativeMemory() {
        long heap = Runtime.getRuntime().maxMemory();
        long nativeBytes = 2L << 30;
        setIfAbsent("org.bytedeco.javacpp.maxbytes", Long.toString(nativeBytes));
        setIfAbsent("org.bytedeco.javacpp.maxphysicalbytes", Long.toString(nativeBytes + Math.min(heap, 2L << 30) + (1L << 30)));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** Idempotent and thread-safe; returns a one-line description of the backend. */
    public static synchronized String initialize() {
        boundNativeMemory();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        String description = Nd4j.getBackend().getClass().getSimpleName() + " ("
                + Nd4j.getEnvironment().maxMasterThreads() + " threads)";
        READY.set(true);
        return description;
    }

    public static boolean isReady() {
        return READY.get();
    }
}

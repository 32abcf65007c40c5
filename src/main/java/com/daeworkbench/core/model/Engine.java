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
    private static String description;

    private Engine() { }

    /**
     * Bounds ND4J's off-heap memory at half the machine's memory, a safety net: the direct
     * engine allocates its buffers once per input shape, but ND4J frees native buffers only when
     * the collector finds their small Java handles, which a near-empty heap rarely needs (a
     * SameDiff model, which allocated per op, once grew to 17 GB unbounded). A tight bound is
     * worse than none: at the bound every allocation waits for a full collection. Must run
     * before any ND4J or JavaCPP class loads; a user's own -D settings win.
     */
    public static void boundNativeMemory() {
        long ram = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long bound = Math.max(4L << 30, ram / 2);
        setIfAbsent("org.bytedeco.javacpp.maxbytes", Long.toString(bound));
        setIfAbsent("org.bytedeco.javacpp.maxphysicalbytes", Long.toString(bound));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** Idempotent and thread-safe; returns a one-line description of the backend. */
    public static synchronized String initialize() {
        if (READY.get()) return description;
        boundNativeMemory();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        // the direct engine allocates nothing per step: no periodic collections
        Nd4j.getMemoryManager().togglePeriodicGc(false);
        description = Nd4j.getBackend().getClass().getSimpleName() + " ("
                + Nd4j.getEnvironment().maxMasterThreads() + " threads)";
        READY.set(true);
        return description;
    }

}

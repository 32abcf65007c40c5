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

    /** Idempotent and thread-safe; returns a one-line description of the backend. */
    public static synchronized String initialize() {
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

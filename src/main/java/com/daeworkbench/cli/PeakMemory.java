package com.daeworkbench.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.bytedeco.javacpp.Pointer;

/** Samples heap use and the process's resident size (heap + ND4J's off-heap buffers) every 50 ms. */
final class PeakMemory {
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile double peakRss;

    private PeakMemory() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        sampler = new Thread(() -> {
            while (running) {
                peakRss = Math.max(peakRss, Pointer.physicalBytes() / 1048576.0);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    static PeakMemory start() {
        return new PeakMemory();
    }

    void stop() {
        running = false;
        sampler.interrupt();
    }

    double peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) bytes += pool.getPeakUsage().getUsed();
        }
        return bytes / 1048576.0;
    }

    double peakRssMb() {
        return Math.max(peakRss, Pointer.physicalBytes() / 1048576.0);
    }
}

package com.daeworkbench.ui;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lowers the scheduling priority of the calling thread, so the window's background work
 * (training above all) yields the cores to the FX and render threads whenever they have
 * something to do, and takes them back when they are idle. On two cores, training at normal
 * priority shares each core evenly with painting, and a 50 ms paint took over 100 ms.
 *
 * <p>Linux keeps a nice value per thread (and a thread inherits it from the thread that starts
 * it, so ND4J's and OpenMP's worker threads, started from a lowered thread, are lowered too);
 * Java's {@link Thread#setPriority} does not reach it without root, so this calls
 * setpriority(2) on the thread's id. Elsewhere, and if that fails, only the Java priority is
 * set, which Windows honours.
 */
public final class BackgroundPriority {
    /**
     * nice 10: the usual value for background jobs; CFS then gives a nice-0 thread ~9x the
     * share. -Ddae.backgroundNice=0 leaves the threads at normal priority (to compare).
     */
    static final int NICE = Integer.getInteger("dae.backgroundNice", 10);
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() { }

    private interface LibC extends Library {
        int setpriority(int which, int who, int prio);
    }

    private static final class Holder {
        static final LibC LIBC = load();

        private static LibC load() {
            try {
                return (LibC) Native.loadLibrary("c", LibC.class);
            } catch (Throwable e) {   // no JNA native for this platform: keep the Java priority only
                return null;
            }
        }
    }

    /**
     * Lowers the calling thread to at least {@link #NICE}; returns whether its OS-level nice
     * value is now that low. A thread already lower (the whole app started under nice 15, say)
     * is left as it is: raising it back would need privileges, and would not be asked for.
     */
    public static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        int tid = currentThreadId();
        if (tid <= 0) return false;
        Integer now = niceOf(tid);
        if (now != null && now >= NICE) return true;
        if (Holder.LIBC == null) return false;
        try {
            return Holder.LIBC.setpriority(PRIO_PROCESS, tid, NICE) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    /** The kernel's id of the calling thread, from /proc/thread-self ("PID/task/TID"), or -1 off Linux. */
    static int currentThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Integer.parseInt(link.getFileName().toString());
        } catch (Exception e) {
            return -1;
        }
    }

    /** The nice value of a thread of this process as the kernel reports it (field 19 of /proc/self/task/TID/stat), or null. */
    static Integer niceOf(int tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
            // the command name (field 2) may hold spaces and parentheses: count fields after its closing one
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Integer.parseInt(f[16]);
        } catch (Exception e) {
            return null;
        }
    }
}

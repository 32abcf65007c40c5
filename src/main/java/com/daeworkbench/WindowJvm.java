package com.daeworkbench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the window in a JVM that compiles with C1 only (docs/decisions/0007). On this 2-core
 * machine C2 spent ~23 s of CPU compiling JavaFX's software renderer and charts during a 5-epoch
 * run: CPU the training did not get. With C1 alone the same run took 24 s in the window against
 * 32-34 s, while headless training, whose time is in native ops, was no slower (20-22 s either way).
 * A JVM cannot change its compiler once started, so a window started without the flag starts
 * itself again with it; -Ddae.relaunch=false (or any -XX:TieredStopAtLevel of one's own) opens
 * the window in the first JVM.
 */
final class WindowJvm {
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final String RELAUNCHED = "-Ddae.relaunched=true";

    private WindowJvm() { }

    /** The command that runs the window with C1 only, or empty when this JVM should open it itself. */
    static Optional<List<String>> relaunchCommand(List<String> jvmArguments, String[] args, Optional<String> java,
                                                  String classPath, String relaunchProperty) {
        if ("false".equalsIgnoreCase(relaunchProperty) || java.isEmpty() || classPath == null || classPath.isBlank()) return Optional.empty();
        if (jvmArguments.stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel") || a.equals(RELAUNCHED))) return Optional.empty();
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.add(C1_ONLY);
        command.addAll(jvmArguments);
        command.add(RELAUNCHED);
        // the window's start-up time is measured from when the user started the first JVM
        command.add("-Ddae.launchedAt=" + ManagementFactory.getRuntimeMXBean().getStartTime());
        command.add("-cp");
        command.add(classPath);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * Runs the window in a C1-only JVM when this one is not; returns that JVM's exit code, or
     * empty when this JVM should open the window (relaunch off, or it could not be started).
     */
    static Optional<Integer> relaunch(String[] args) {
        Optional<List<String>> command = relaunchCommand(ManagementFactory.getRuntimeMXBean().getInputArguments(), args,
                ProcessHandle.current().info().command(), System.getProperty("java.class.path"), System.getProperty("dae.relaunch"));
        if (command.isEmpty()) return Optional.empty();
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException e) {
            return Optional.empty();
        }
        // a kill of this JVM (Ctrl+C, a session ending) reaches the window, which saves its run as it closes
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        while (true) {
            try {
                return Optional.of(child.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

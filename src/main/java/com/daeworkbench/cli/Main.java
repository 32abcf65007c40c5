package com.daeworkbench.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless CLI: thin picocli commands over the core services. */
@Command(name = "dae-workbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Denoising autoencoders: train, evaluate, denoise, benchmark. Without a command: the window.",
        subcommands = {TrainCommand.class, SweepCommand.class, EvalCommand.class, DenoiseCommand.class, BenchCommand.class,
                AnomalyCommand.class, PretrainEvalCommand.class, GenerateDocumentsCommand.class, EvalPagesCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    /** Flags that belong to the GUI; anything else on the command line means the CLI. */
    private static final Set<String> GUI_FLAGS = Set.of("--autostart");
    /** The GUI flag after which come pages to open in the Documents tab. */
    public static final String OPEN_FLAG = "--open";

    public static boolean isCliInvocation(String[] args) {
        for (String a : args) {
            if (a.equals(OPEN_FLAG)) return false;   // the rest are pages for the window
            if (!GUI_FLAGS.contains(a) && !a.startsWith("--tab=") && !a.startsWith("--model=")) return true;
        }
        return false;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"DAE Workbench " + (v == null ? "dev" : v)};
        }
    }
}

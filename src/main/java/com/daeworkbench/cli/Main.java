package com.daeworkbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless CLI: thin picocli commands over the core services. */
@Command(name = "dae-workbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Denoising autoencoders: train, evaluate, denoise, benchmark. Without a command: the window.",
        subcommands = {TrainCommand.class, SweepCommand.class, EvalCommand.class, ImputeCommand.class, OddRowsCommand.class, DenoiseCommand.class, BenchCommand.class,
                AnomalyCommand.class, PretrainEvalCommand.class, GenerateDocumentsCommand.class, EvalPagesCommand.class, LrFindCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setParameterExceptionHandler(new UsageErrors());
        return cl;
    }

    /**
     * The CLI's commands under another top command: the launcher's, which opens the window
     * when no command is given (the CLI knows nothing of the window).
     */
    public static CommandLine under(Object topCommand) {
        CommandLine top = new CommandLine(topCommand);
        commandLine().getSubcommands().forEach(top::addSubcommand);
        top.setExecutionExceptionHandler(new CliErrors());
        top.setParameterExceptionHandler(new UsageErrors());
        // "--tab train" (or "--tab=train") names a tab, not the train command: an option's
        // value is never taken as a command, which picocli otherwise refuses
        top.setAllowSubcommandsAsOptionParameters(true);
        return top;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"DAE Workbench " + (v == null ? "dev" : v)};
        }
    }
}

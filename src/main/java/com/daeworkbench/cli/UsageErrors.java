package com.daeworkbench.cli;

import picocli.CommandLine;

/**
 * A usage mistake (an unknown option, a bad value) as two lines on stderr: what is wrong and
 * where the options are. picocli's default prints the whole usage after the message, 40-70
 * lines for train or sweep, and the one line that says what went wrong scrolls out of sight.
 * picocli's "did you mean" suggestions for misspelt options stay.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println("error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, cl.getErr());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for its options.");
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }
}

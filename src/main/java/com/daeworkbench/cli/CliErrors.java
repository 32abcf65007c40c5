package com.daeworkbench.cli;

import com.daeworkbench.core.io.Problems;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one line on stderr and exit code 1: users get
 * the reason, never a stack trace (set DAE_DEBUG=1 to see it).
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        cl.getErr().println("error: " + Problems.describe(ex));
        if (System.getenv("DAE_DEBUG") != null) ex.printStackTrace(cl.getErr());
        return 1;
    }
}

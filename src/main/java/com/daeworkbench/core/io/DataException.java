package com.daeworkbench.core.io;

import java.io.IOException;
import java.nio.file.Path;

/** Input that cannot be used; the message names the file and the problem, fit for a user. */
public class DataException extends IOException {
    public DataException(String message) {
        super(message);
    }

    public DataException(Path file, String problem) {
        super((file.getFileName() == null ? file.toString() : file.getFileName().toString()) + ": " + problem);
    }

    public DataException(Path file, String problem, Throwable cause) {
        super((file.getFileName() == null ? file.toString() : file.getFileName().toString()) + ": " + problem, cause);
    }
}

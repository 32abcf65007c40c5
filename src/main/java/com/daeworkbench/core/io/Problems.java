package com.daeworkbench.core.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.ExecutionException;

/**
 * The one line a user reads when something fails: the CLI prints it after "error:", the window
 * in its status lines. The JDK's file exceptions often carry only a path ("/proc/x"), which
 * names the file but not the problem; here the problem is added.
 */
public final class Problems {
    private Problems() {
    }

    /** The first cause that says something, past executor wrapping, as "file: what went wrong". */
    public static String describe(Throwable e) {
        Throwable t = telling(e);
        if (t instanceof FileSystemException f && f.getReason() == null) return fileProblem(f);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The first cause that says something of its own, past executor and bare wrappers. */
    public static Throwable telling(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof ExecutionException
                || t.getMessage().equals(t.getCause().toString()))) {   // new RuntimeException(cause) says only the cause's class and message
            t = t.getCause();
        }
        return t;
    }

    private static String fileProblem(FileSystemException f) {
        String what;
        if (f instanceof NoSuchFileException) what = "no such file or folder";
        else if (f instanceof AccessDeniedException) what = "permission denied";
        else if (f instanceof FileAlreadyExistsException) what = "already exists (a file where a folder should be?)";
        else if (f instanceof NotDirectoryException) what = "not a folder";
        else if (f instanceof DirectoryNotEmptyException) what = "the folder is not empty";
        else what = "cannot be read or written";
        String file = f.getFile() == null ? "" : f.getFile();
        String other = f.getOtherFile() == null ? "" : " -> " + f.getOtherFile();
        return file.isEmpty() ? what : file + other + ": " + what;
    }
}

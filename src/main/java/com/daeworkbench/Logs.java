package com.daeworkbench;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Logging set-up, done first thing in {@link Launcher#main}: everything (DL4J, ND4J, the app)
 * logs through SLF4J's simple binding, quiet (warn) unless --verbose.
 */
public final class Logs {
    /** The system property slf4j-simple reads its level from; it must be set before the first logger exists. */
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String PDFBOX_LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.org.apache.pdfbox";
    static final String UNSUPPORTED_JAVAFX = "Unsupported JavaFX configuration";
    /** JUL keeps loggers weakly: this one must live as long as its filter is needed. */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");

    private Logs() { }

    /** --verbose: INFO and up from every library and from the app itself. */
    public static void verbose() {
        System.setProperty(LEVEL_PROPERTY, "info");
        System.setProperty(PDFBOX_LEVEL_PROPERTY, "info");   // over simplelogger.properties' "error"
    }

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'"
     * whenever javafx.graphics is not a named module, which is what `java -jar` with a class path
     * always gives; the supported set-ups are the module path (the .deb's jlinked runtime has it)
     * or a modular app, neither of which the README's `java -jar target/dae-workbench.jar` can be.
     * The window works the same either way (every test runs so), so that one line, and only that
     * one (JUL filters apply to the logger they are set on, not to javafx.css and the others
     * below it), is dropped.
     */
    static void hideClassPathJavaFxWarning() {
        Filter previous = JAVAFX_LOGGER.getFilter();
        JAVAFX_LOGGER.setFilter(record -> {
            String message = record.getMessage();
            if (message != null && message.startsWith(UNSUPPORTED_JAVAFX)) return false;
            return previous == null || previous.isLoggable(record);
        });
    }
}

package com.daeworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogsTest {
    @Test
    void slf4jHasARealBindingQuietByDefault() throws Exception {
        // without a binding SLF4J falls back to NOP and prints the three StaticLoggerBinder lines
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).isEqualTo("org.slf4j.impl.SimpleLoggerFactory");
        Properties config = new Properties();
        try (InputStream in = LogsTest.class.getResourceAsStream("/simplelogger.properties")) {
            config.load(in);
        }
        assertThat(config.getProperty(Logs.LEVEL_PROPERTY)).isEqualTo("warn");
        assertThat(LoggerFactory.getLogger(LogsTest.class).isWarnEnabled()).as("the app's warnings").isTrue();
        // ND4J warns about itself on every dense training step: not the user's business
        assertThat(LoggerFactory.getLogger(org.nd4j.autodiff.functions.DifferentialFunction.class).isWarnEnabled()).isFalse();
    }

    @Test
    void onlyTheClassPathJavaFxWarningIsDropped() {
        Logger javafx = Logger.getLogger("javafx");
        List<String> published = new ArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord r) { published.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        javafx.addHandler(capture);
        try {
            Logs.hideClassPathJavaFxWarning();
            javafx.log(Level.WARNING, "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'");
            javafx.log(Level.WARNING, "something else JavaFX has to say");
            assertThat(published).containsExactly("something else JavaFX has to say");
        } finally {
            javafx.removeHandler(capture);
            javafx.setFilter(null);
        }
    }
}

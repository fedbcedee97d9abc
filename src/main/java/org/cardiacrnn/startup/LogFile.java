package org.cardiacrnn.startup;

import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;

import org.slf4j.LoggerFactory;

/**
 * The log file a user can send with a bug report: {@code cardiac-rnn.log} in a folder of the user data directory,
 * rolled at {@value #MAX_MEGABYTES} MB into {@value #KEPT_FILES} older copies. The only class that knows the
 * logging backend; everything else logs through SLF4J. Attached in code rather than in {@code logback.xml}
 * because the folder is only known at run time and tests must not write one.
 */
public final class LogFile implements AutoCloseable {

    public static final String FILE_NAME = "cardiac-rnn.log";
    private static final int MAX_MEGABYTES = 5;
    private static final int KEPT_FILES = 3;

    private final Path file;
    private final RollingFileAppender<ILoggingEvent> appender;

    private LogFile(Path file, RollingFileAppender<ILoggingEvent> appender) {
        this.file = file;
        this.appender = appender;
    }

    /**
     * Starts writing every workbench message at INFO and above, and every library warning, into
     * {@code directory/cardiac-rnn.log}.
     *
     * @throws IllegalStateException when the folder cannot be made or the file cannot be opened
     */
    public static LogFile attach(Path directory) {
        Path file = directory.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException failure) {
            throw new IllegalStateException(directory + ": cannot make the log folder (" + failure.getMessage()
                    + ")", failure);
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE " + file);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(directory.toAbsolutePath().resolve("cardiac-rnn.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_MEGABYTES + "MB"));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException(file + ": cannot open the log file");
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        Logger workbench = context.getLogger("org.cardiacrnn");
        workbench.addAppender(appender);
        if (workbench.getLevel() == null || workbench.getLevel().isGreaterOrEqual(Level.WARN)) {
            workbench.setLevel(Level.INFO);
        }
        return new LogFile(file, appender);
    }

    public Path file() {
        return file;
    }

    /** Stops writing into the file and closes it. */
    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        context.getLogger("org.cardiacrnn").detachAppender(appender);
        appender.stop();
    }
}

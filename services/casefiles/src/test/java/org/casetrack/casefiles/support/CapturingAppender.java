package org.casetrack.casefiles.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the text of every log event of the test JVM (message, arguments, stack traces) for the log scan. */
public final class CapturingAppender extends AppenderBase<ILoggingEvent> {
    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        EVENTS.add(text.toString());
    }

    public static List<String> events() {
        return List.copyOf(EVENTS);
    }
}

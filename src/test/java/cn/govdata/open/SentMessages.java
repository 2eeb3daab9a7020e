package cn.govdata.open;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * What the public accounts' log sender wrote during the test run (logback-test.xml attaches it): the messages
 * verification codes and notices would have been sent as. One list for the whole run, whichever context wrote.
 */
public class SentMessages extends AppenderBase<ILoggingEvent> {

    private static final List<String> WRITTEN = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        WRITTEN.add(event.getFormattedMessage());
    }

    public static int count() {
        return WRITTEN.size();
    }

    public static String get(int index) {
        return WRITTEN.get(index);
    }
}

package dk.trialport.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a text progress bar of a long job at every 5 % (and at the end), with its rate. */
public final class ProgressBar {

    private static final Logger log = LoggerFactory.getLogger(ProgressBar.class);
    private static final int WIDTH = 30;

    private final String job;
    private final long total;
    private final long startedNanos = System.nanoTime();
    private long done;
    private int lastStep = -1;

    public ProgressBar(String job, long total) {
        this.job = job;
        this.total = total;
    }

    public void advance(long count) {
        done += count;
        int percent = total == 0 ? 100 : (int) Math.min(100, 100 * done / total);
        if (percent / 5 != lastStep) {
            lastStep = percent / 5;
            log.info(render(percent));
        }
    }

    public long done() {
        return done;
    }

    String render(int percent) {
        int filled = percent * WIDTH / 100;
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        return String.format(
                "%s [%s%s] %3d%% %d/%d (%.0f/s)",
                job, "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done, total, done / seconds);
    }
}

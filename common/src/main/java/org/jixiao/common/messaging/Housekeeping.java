package org.jixiao.common.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes published outbox rows and inbox records by age, in small batches so that no long transaction
 * holds locks. An inbox record must outlive any redelivery of its event: keep the inbox age above the
 * broker's consumer-offset retention ({@code offsets.retention.minutes}, 7 days by default).
 */
@ApplicationScoped
public class Housekeeping {
    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    /** Rows one housekeeping transaction deletes at most. */
    public static final int BATCH = 1000;

    /**
     * Housekeeping a service adds for tables of its own (expired Idempotency-Keys, …): run on the same
     * schedule, after the outbox's and the inbox's, each on its own so that one failing stops no other.
     */
    public interface Task {
        /** What it deletes, for the log. */
        String name();

        /** The number of rows deleted. */
        long run();
    }

    private final OutboxRepository outbox;
    private final Inbox inbox;
    private final Instance<Task> tasks;
    private final int outboxDays;
    private final int inboxDays;

    public Housekeeping(OutboxRepository outbox, Inbox inbox, @Any Instance<Task> tasks,
            @ConfigProperty(name = "jixiao.housekeeping.outbox-days", defaultValue = "7") int outboxDays,
            @ConfigProperty(name = "jixiao.housekeeping.inbox-days", defaultValue = "30") int inboxDays) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.tasks = tasks;
        this.outboxDays = outboxDays;
        this.inboxDays = inboxDays;
    }

    @Scheduled(every = "${jixiao.housekeeping.every:1h}", delayed = "${jixiao.housekeeping.delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("housekeeping failed, will try again: %s", e.toString());
        }
        for (Task task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf("deleting %s failed, will try again: %s", task.name(), e.toString());
            }
        }
    }

    /** What one run deleted. */
    public record Deleted(long outboxRows, long inboxRecords) {
    }

    public Deleted run() {
        long outboxRows = drain(() -> outbox.deletePublishedOlderThan(outboxDays, BATCH));
        long inboxRows = drain(() -> inbox.forgetOlderThan(inboxDays, BATCH));
        if (outboxRows + inboxRows > 0) {
            LOG.infof("housekeeping deleted %d published outbox rows older than %d days and %d inbox records"
                    + " older than %d days", outboxRows, outboxDays, inboxRows, inboxDays);
        }
        return new Deleted(outboxRows, inboxRows);
    }

    /** Runs {@code batch} (deleting at most {@link #BATCH} rows) in new transactions until a batch comes back short. */
    public static long drain(IntSupplier batch) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(batch::getAsInt);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}

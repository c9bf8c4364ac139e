package org.jixiao.project.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jixiao.project.repository.SubmitRequestRepository;

/**
 * Deletes Idempotency-Keys past their 24 h, in small batches. Lookups ignore expired keys anyway; this
 * only keeps the table from growing.
 */
@ApplicationScoped
public class IdempotencyHousekeeping {
    private static final Logger LOG = Logger.getLogger(IdempotencyHousekeeping.class);
    private static final int BATCH = 1000;

    private final SubmitRequestRepository submitRequests;

    public IdempotencyHousekeeping(SubmitRequestRepository submitRequests) {
        this.submitRequests = submitRequests;
    }

    @Scheduled(every = "${jixiao.housekeeping.every:1h}", delayed = "${jixiao.housekeeping.delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("deleting expired Idempotency-Keys failed, will try again: %s", e.toString());
        }
    }

    /** The number of expired keys deleted. */
    public long run() {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> submitRequests.deleteExpired(BATCH));
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("deleted %d Idempotency-Keys older than %s", total, SubmitRequestRepository.TTL);
        }
        return total;
    }
}

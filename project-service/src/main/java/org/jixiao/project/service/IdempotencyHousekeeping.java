package org.jixiao.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jixiao.common.messaging.Housekeeping;
import org.jixiao.project.repository.SubmitRequestRepository;

/**
 * Deletes Idempotency-Keys past their 24 h, in small batches. Lookups ignore expired keys anyway; this
 * only keeps the table from growing.
 */
@ApplicationScoped
public class IdempotencyHousekeeping implements Housekeeping.Task {
    private static final Logger LOG = Logger.getLogger(IdempotencyHousekeeping.class);

    private final SubmitRequestRepository submitRequests;

    public IdempotencyHousekeeping(SubmitRequestRepository submitRequests) {
        this.submitRequests = submitRequests;
    }

    @Override
    public String name() {
        return "expired Idempotency-Keys";
    }

    /** The number of expired keys deleted. */
    @Override
    public long run() {
        long total = Housekeeping.drain(() -> submitRequests.deleteExpired(Housekeeping.BATCH));
        if (total > 0) {
            LOG.infof("deleted %d Idempotency-Keys older than %s", total, SubmitRequestRepository.TTL);
        }
        return total;
    }
}

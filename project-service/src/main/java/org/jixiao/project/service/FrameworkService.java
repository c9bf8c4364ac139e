package org.jixiao.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.project.repository.FrameworkRepository;

/**
 * Keeps the indicator frameworks indicator-service publishes, so that a submission is checked against
 * the framework of its budget year without a synchronous call.
 */
@ApplicationScoped
public class FrameworkService {
    private static final Logger LOG = Logger.getLogger(FrameworkService.class);
    private final FrameworkRepository frameworks;

    public FrameworkService(FrameworkRepository frameworks) {
        this.frameworks = frameworks;
    }

    /** Runs in the inbox's transaction, so the framework and the event's id are recorded together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void published(FrameworkPublished published) {
        if (!frameworks.save(published.budgetYear(), published.framework(), published.revision())) {
            LOG.infof("framework %s of %s at revision %d ignored: a newer publication is already in force",
                    published.framework().code(), published.budgetYear() == null ? "the default" : published.budgetYear(),
                    published.revision());
        }
    }
}

package org.jixiao.approval.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Makes the current transaction's persistence context read-only: what a read loads is neither snapshotted nor
 * dirty-checked, and nothing is flushed, before a query or at commit. Called first thing in a read use case,
 * inside its transaction (the session is the transaction's, so nothing carries over to the next one); never in a
 * use case that writes.
 */
@ApplicationScoped
class ReadOnlyReads {
    private final Session session;

    ReadOnlyReads(Session session) {
        this.session = session;
    }

    void begin() {
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }
}

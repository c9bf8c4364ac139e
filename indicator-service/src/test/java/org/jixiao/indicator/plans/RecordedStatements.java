package org.jixiao.indicator.plans;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.jixiao.common.test.RecordedSql;

/** This module's persistence unit hands every statement to common's recorder (tests only). */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements extends RecordedSql {
}

package org.jixiao.indicator.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;
import org.jixiao.indicator.domain.monitoring.Assessment;
import org.jixiao.indicator.domain.monitoring.Assessor;
import org.jixiao.indicator.domain.monitoring.MonitoringPolicy;
import org.jixiao.indicator.domain.monitoring.MonitoringReport;
import org.jixiao.indicator.domain.target.TargetParser;
import org.jixiao.indicator.repository.YearPolicyRepository;

/** 双监控: a monitoring report assessed against the approved table, by the year's thresholds. */
@ApplicationScoped
public class MonitoringService {
    private static final Logger LOG = Logger.getLogger(MonitoringService.class);

    private final YearPolicyRepository policies;
    private final Assessor assessor = new Assessor(new TargetParser());

    public MonitoringService(YearPolicyRepository policies) {
        this.policies = policies;
    }

    @Transactional
    public Assessment assess(ProjectDocument document, MonitoringReport report) {
        if (document == null || document.budgetYear() == null) {
            throw DomainException.invalid("budget-year-required", null, "the document's budgetYear decides the year's"
                    + " thresholds and time progress", List.of(new Violation("/document/budgetYear", "required")));
        }
        if (report.spent() != null && report.spent().signum() < 0) {
            throw DomainException.invalid("invalid-spent", null, "spent is an amount in yuan, zero or more",
                    List.of(new Violation("/report/spent", "negative")));
        }
        return assessor.assess(document, report, policyFor(document.budgetYear()));
    }

    @Transactional
    public MonitoringPolicy policyFor(int budgetYear) {
        return policies.forYear(budgetYear, YearPolicyRepository.MONITORING, MonitoringPolicy.class)
                .orElseGet(MonitoringPolicy::standard);
    }

    @Transactional
    public MonitoringPolicy setPolicy(int budgetYear, MonitoringPolicy policy, Actor actor) {
        List<Violation> problems = policy.violations();
        if (!problems.isEmpty()) {
            throw DomainException.invalid("invalid-monitoring-policy", null, "the monitoring thresholds cannot be used", problems);
        }
        policies.put(budgetYear, YearPolicyRepository.MONITORING, policy, actor.name());
        LOG.infof("%s set the %d monitoring thresholds", actor.name(), budgetYear);
        return policy;
    }
}

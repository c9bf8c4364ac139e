package org.jixiao.approval.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.approval.repository.RouteRepository;

/** 审核流程 per budget year: the default route until an admin configures one. */
@ApplicationScoped
public class RouteService {
    private final RouteRepository routes;
    private final ReviewCaseRepository cases;

    public RouteService(RouteRepository routes, ReviewCaseRepository cases) {
        this.routes = routes;
        this.cases = cases;
    }

    @Transactional
    public ReviewRoute routeFor(int budgetYear) {
        return routes.routeFor(budgetYear);
    }

    /**
     * Replaces the route of {@code route.budgetYear()}. Open cases keep their stage index, but their
     * stage's target may have changed, and with it the instant they become overdue.
     */
    @Transactional
    public ReviewRoute configure(ReviewRoute route) {
        routes.replace(route);
        ReviewRoute stored = routes.routeFor(route.budgetYear());
        for (ReviewCase c : cases.openIn(route.budgetYear())) {
            var due = c.dueAtUnder(stored);
            if (!due.isEqual(c.stageDueAt())) {
                cases.setStageDueAt(c.id(), due);
            }
        }
        return stored;
    }
}

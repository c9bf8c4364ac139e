package org.jixiao.approval.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.approval.repository.ReviewCaseRepository.StageClock;
import org.jixiao.approval.repository.RouteRepository;

/** 审核流程 per budget year: the default route until an admin configures one. */
@ApplicationScoped
public class RouteService {
    /** Open cases re-timed per read: bounded memory however many cases the year has. */
    public static final int BATCH = 200;
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
        UUID after = new UUID(0, 0);
        for (List<StageClock> batch; !(batch = cases.openStageClocks(route.budgetYear(), after, BATCH)).isEmpty();
                after = batch.get(batch.size() - 1).id()) {
            for (StageClock c : batch) {
                OffsetDateTime due = ReviewCase.dueAt(c.stageEnteredAt(), c.stageIndex(), stored);
                if (!due.isEqual(c.stageDueAt())) {
                    cases.setStageDueAt(c.id(), due);
                }
            }
        }
        return stored;
    }
}

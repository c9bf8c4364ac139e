package org.jixiao.approval.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.Roles;

/** Cases, routes and actors for the rule tests, built the way the service builds them. */
final class Cases {
    /** A Monday, 10:00 in China. */
    static final OffsetDateTime MONDAY = OffsetDateTime.of(2025, 3, 3, 2, 0, 0, 0, ZoneOffset.UTC);
    static final int INDICATORS = 3;

    private Cases() {
    }

    static ReviewCase openCase(ReviewRoute route) {
        return ReviewCase.open(new ReviewCase.Opening(UUID.randomUUID(), 1, CaseKind.SUBMISSION, route.budgetYear(),
                "034", "区民政局", "重度残疾人护理补贴", new BigDecimal("4515600"), INDICATORS, "{}", null, null, MONDAY), route);
    }

    /** A case at the last stage of {@code route}. */
    static ReviewCase atLastStage(ReviewRoute route) {
        ReviewCase c = openCase(route);
        while (!route.isLast(c.stageIndex())) {
            c.pass(route, MONDAY);
        }
        return c;
    }

    static Actor reviewer(String name) {
        return new Actor(name, Set.of(Roles.REVIEWER), Map.of());
    }

    static Actor reviewer(String name, String claim, String value) {
        return new Actor(name, Set.of(Roles.REVIEWER), Map.of(claim, value));
    }

    static Actor admin() {
        return new Actor("admin", Set.of(Roles.ADMIN), Map.of());
    }

    static Actor department(String code) {
        return new Actor("dept-" + code, Set.of(Roles.DEPARTMENT), Map.of("department", code));
    }

    /** 2035: 初审 by anyone, 复审 only for reviewers of the performance office. */
    static ReviewRoute restricted() {
        return new ReviewRoute(2035, List.of(new ReviewRoute.Stage("业务股室初审", 3, Set.of(), null),
                new ReviewRoute.Stage("绩效管理股复审", 2, Set.of(), "office=绩效管理股")));
    }
}

package org.jixiao.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixiao.approval.domain.Cases.admin;
import static org.jixiao.approval.domain.Cases.department;
import static org.jixiao.approval.domain.Cases.restricted;
import static org.jixiao.approval.domain.Cases.reviewer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.Roles;
import org.junit.jupiter.api.Test;

class ReviewRouteTest {
    static final ReviewRoute.Stage ANY_REVIEWER = new ReviewRoute.Stage("初审", 5, Set.of(), null);

    @Test
    void shouldRouteThroughTheBusinessOfficeThenThePerformanceOfficeByDefault() {
        ReviewRoute route = ReviewRoute.defaultFor(2026);
        assertThat(route.stages()).extracting(ReviewRoute.Stage::name).containsExactly("业务股室初审", "绩效管理股复审");
        assertThat(route.stages()).extracting(ReviewRoute.Stage::targetDays).containsExactly(5, 5);
        assertThat(route.stage(0).name()).isEqualTo("业务股室初审");
        assertThat(route.stage(1).name()).isEqualTo("绩效管理股复审");
    }

    @Test
    void shouldCallOnlyTheFinalStageLast() {
        ReviewRoute route = new ReviewRoute(2026, List.of(ANY_REVIEWER, new ReviewRoute.Stage("复审", 3, Set.of(), null),
                new ReviewRoute.Stage("终审", 2, Set.of(), null)));
        assertThat(route.isLast(0)).isFalse();
        assertThat(route.isLast(1)).isFalse();
        assertThat(route.isLast(2)).isTrue();
    }

    @Test
    void shouldKeepACaseBeyondAShortenedRouteAtItsLastStage() {
        ReviewRoute oneStage = new ReviewRoute(2026, List.of(ANY_REVIEWER));
        assertThat(oneStage.stage(1).name()).isEqualTo("初审");
        assertThat(oneStage.isLast(1)).isTrue();
        assertThat(oneStage.isLast(0)).isTrue();
    }

    @Test
    void shouldLetAnyReviewerActOnAnUnrestrictedStage() {
        assertThat(ANY_REVIEWER.allows(reviewer("张审核"))).isTrue();
    }

    @Test
    void shouldRefuseDepartmentsAndIntegrationsOnEveryStage() {
        assertThat(ANY_REVIEWER.allows(department("034"))).isFalse();
        assertThat(ANY_REVIEWER.allows(new Actor("importer", Set.of(Roles.INTEGRATION), Map.of()))).isFalse();
    }

    @Test
    void shouldLetOnlyTheReviewersAStageNames() {
        ReviewRoute.Stage named = new ReviewRoute.Stage("复审", 5, Set.of("李复审", "赵复审"), null);
        assertThat(named.allows(reviewer("李复审"))).isTrue();
        assertThat(named.allows(reviewer("赵复审"))).isTrue();
        assertThat(named.allows(reviewer("张审核"))).isFalse();
    }

    @Test
    void shouldRequireTheClaimWithItsValue() {
        ReviewRoute.Stage performanceOffice = restricted().stage(1);
        assertThat(performanceOffice.allows(reviewer("赵复审", "office", "绩效管理股"))).isTrue();
        assertThat(performanceOffice.allows(reviewer("钱审核", "office", "业务股室"))).isFalse();
        assertThat(performanceOffice.allows(reviewer("张审核"))).isFalse();
    }

    @Test
    void shouldAcceptAnyValueWhenTheRequiredClaimNamesNone() {
        ReviewRoute.Stage anyOffice = new ReviewRoute.Stage("复审", 5, Set.of(), "office");
        assertThat(anyOffice.allows(reviewer("钱审核", "office", "业务股室"))).isTrue();
        assertThat(anyOffice.allows(reviewer("张审核"))).isFalse();
    }

    @Test
    void shouldRequireBothTheNameAndTheClaimWhenAStageSetsBoth() {
        ReviewRoute.Stage both = new ReviewRoute.Stage("复审", 5, Set.of("赵复审"), "office=绩效管理股");
        assertThat(both.allows(reviewer("赵复审", "office", "绩效管理股"))).isTrue();
        assertThat(both.allows(reviewer("赵复审"))).isFalse();
        assertThat(both.allows(reviewer("孙复审", "office", "绩效管理股"))).isFalse();
    }

    @Test
    void shouldLetAnAdminActOnEveryStageWithoutNameOrClaim() {
        ReviewRoute.Stage both = new ReviewRoute.Stage("复审", 5, Set.of("赵复审"), "office=绩效管理股");
        assertThat(both.allows(admin())).isTrue();
        assertThat(restricted().stage(1).allows(admin())).isTrue();
    }
}

package org.jixiao.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jixiao.common.contract.ProjectDocument;
import org.junit.jupiter.api.Test;

class CoverageTest {

    static ReportProject approved(String funding) {
        ProjectDocument doc = new ProjectDocument(null, 2025, "项目", "034", "晋城市城区教育局", "034001", "晋城市城区教育局",
                "经常性项目（长期开展）", null, null, null, null, null, null, null, funding, List.of());
        ReportProject p = ReportProject.first(UUID.randomUUID(), doc);
        p.onApproved(1, doc, new Approval("JX-1", "r", OffsetDateTime.now(), "优"), null);
        return p;
    }

    static List<ReportProject> approved(String... fundings) {
        List<ReportProject> all = new ArrayList<>();
        for (String f : fundings) {
            all.add(approved(f));
        }
        return all;
    }

    static Set<UUID> first(List<ReportProject> projects, int n) {
        return projects.stream().limit(n).map(ReportProject::projectId).collect(Collectors.toSet());
    }

    @Test
    void shouldMeetTheMinistryLineAtExactlySixtyPercentOfProjectsWhateverTheFundingShare() {
        List<ReportProject> five = approved("1.00", "1.00", "1.00", "1000.00", "1000.00");
        Coverage c = Coverage.of(five, first(five, 3));
        assertThat(c.projectPercent()).isEqualByComparingTo("60.00");
        assertThat(c.meetsMinistryLine()).isTrue();
        assertThat(c.publishedFunding()).isEqualByComparingTo("3.00");
        assertThat(c.fundingPercent()).isEqualByComparingTo("0.15");
    }

    @Test
    void shouldNotMeetTheLineJustBelowSixtyPercentEvenWhenTheRoundedShareShowsSixty() {
        // 19,999 of 33,333 is 59.9976%: shown as 60.00, but below the line
        List<ReportProject> many = new ArrayList<>();
        for (int i = 0; i < 33_333; i++) {
            many.add(approved("10.00"));
        }
        Coverage c = Coverage.of(many, first(many, 19_999));
        assertThat(c.projectPercent()).isEqualByComparingTo("60.00");
        assertThat(c.meetsMinistryLine()).isFalse();
        assertThat(Coverage.of(many, first(many, 20_000)).meetsMinistryLine()).isTrue();
    }

    @Test
    void shouldReportNothingPublishedWhenNothingIsApproved() {
        Coverage c = Coverage.of(List.of(), Set.of());
        assertThat(c.projectPercent()).isEqualByComparingTo("0");
        assertThat(c.fundingPercent()).isEqualByComparingTo("0");
        assertThat(c.meetsMinistryLine()).isFalse();
    }

    @Test
    void shouldIgnorePublishedProjectsThatAreNoLongerAmongTheApproved() {
        List<ReportProject> two = approved("100.00", "100.00");
        Coverage c = Coverage.of(two, Set.of(two.get(0).projectId(), UUID.randomUUID()));
        assertThat(c.publishedProjects()).isEqualTo(1);
        assertThat(c.projectPercent()).isEqualByComparingTo("50.00");
    }
}

package org.jixiao.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.jixiao.common.contract.ProjectDocument;
import org.junit.jupiter.api.Test;

/** The reporting fold without Kafka or a database: what the published tables show after which events. */
class ReadModelFoldTest {
    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final OffsetDateTime T1 = OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime T2 = T1.plusDays(3);
    static final OffsetDateTime T3 = T1.plusDays(40);
    static final ProjectDocument DOC = doc("城区学前教育公用经费", "4515600");
    static final ProjectDocument AMENDED = doc("城区学前教育公用经费", "4600000.19");
    static final RevisionCheck CHECK_1 = new RevisionCheck("[{\"code\":\"unit-missing\",\"severity\":\"ERROR\"}]", 9, 6, null);
    static final RevisionCheck CHECK_3 = new RevisionCheck("[]", 9, 7, "[{\"index\":0,\"kind\":\"DESCRIPTIVE\"}]");

    /** One delivered event, as the service maps it onto the fold. */
    record Event(String name, Consumer<ReadModelFold> step) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Event SUBMITTED_1 = new Event("submitted 1", f -> f.onSubmitted(ID, 1, DOC, T1));
    static final Event CHECKED_1 = new Event("checked 1", f -> f.onChecked(ID, 1, CHECK_1));
    static final Event RETURNED_1 = new Event("returned 1", f -> f.onReturned(ID, 1));
    static final Event SUBMITTED_2 = new Event("submitted 2", f -> f.onSubmitted(ID, 2, DOC, T2));
    static final Event APPROVED_2 = new Event("approved 2",
            f -> f.onApproved(ID, 2, DOC, new Approval("JX-2", "reviewer", T2.plusHours(20), "良")));
    static final Event AMENDED_3 = new Event("amended 3", f -> f.onSubmitted(ID, 3, AMENDED, T3));
    static final Event CHECKED_3 = new Event("checked 3", f -> f.onChecked(ID, 3, CHECK_3));
    static final Event APPROVED_3 = new Event("approved 3",
            f -> f.onApproved(ID, 3, AMENDED, new Approval("JX-3", "reviewer", T3.plusHours(6), null)));

    /** Returned, resubmitted, approved, amended (调整) and approved again, with two pre-reviews. */
    static final List<Event> HISTORY = List.of(SUBMITTED_1, CHECKED_1, RETURNED_1, SUBMITTED_2, APPROVED_2, AMENDED_3,
            CHECKED_3, APPROVED_3);

    static ProjectDocument doc(String name, String funding) {
        return new ProjectDocument("JC-CQ-2025-002", 2025, name, "034", "城区教育局", "034001", "城区第一幼儿园", "经常性项目",
                "概况", "依据", "必要性", "措施", "计划", "年度目标", "城区教育局", funding,
                List.of(new ProjectDocument.IndicatorRow("产出指标", "数量指标", "受益幼儿人数", "≥1200人", null, null)));
    }

    static InMemoryReadModel fold(List<Event> events) {
        InMemoryReadModel model = new InMemoryReadModel();
        ReadModelFold fold = new ReadModelFold(model);
        events.forEach(e -> e.step().accept(fold));
        return model;
    }

    static ReportProject project(InMemoryReadModel model) {
        return model.project(ID).orElseThrow();
    }

    /** Everything the reports read from a model, comparable across models. */
    static TreeSet<String> contents(InMemoryReadModel model) {
        TreeSet<String> lines = new TreeSet<>();
        model.projects().forEach(p -> lines.add(p.state()));
        model.documents().forEach((k, d) -> lines.add("document|" + k + "|" + d.name() + "|" + d.funding()));
        model.checks().forEach((k, c) -> lines.add("check|" + k + "|" + c));
        model.submittedTimes().forEach((k, t) -> lines.add("submitted|" + k + "|" + t.toInstant()));
        return lines;
    }

    @Test
    void shouldListASubmittedProjectAsSubmittedWithoutAnApprovedRevision() {
        InMemoryReadModel model = fold(List.of(SUBMITTED_1));

        ReportProject p = project(model);
        assertThat(p.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(p.latestRevision()).isEqualTo(1);
        assertThat(p.approvedRevision()).isNull();
        assertThat(p.budgetYear()).isEqualTo(2025);
        assertThat(p.departmentCode()).isEqualTo("034");
        assertThat(model.documents()).containsEntry(new InMemoryReadModel.Key(ID, 1), DOC);
        assertThat(model.submittedAt(ID, 1)).contains(T1);
    }

    @Test
    void shouldPublishAnApprovedRevisionWithItsApprovalAndSummaryColumns() {
        ReportProject p = project(fold(List.of(SUBMITTED_1, new Event("approved 1",
                f -> f.onApproved(ID, 1, DOC, new Approval("JX-1", "reviewer", T1.plusHours(30), "优"))))));

        assertThat(p.status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(p.approvedRevision()).isEqualTo(1);
        assertThat(p.approvalNumber()).isEqualTo("JX-1");
        assertThat(p.approvedBy()).isEqualTo("reviewer");
        assertThat(p.grade()).isEqualTo("优");
        assertThat(p.budgetUnitCode()).isEqualTo("034001");
        assertThat(p.budgetUnitName()).isEqualTo("城区第一幼儿园");
        assertThat(p.projectName()).isEqualTo("城区学前教育公用经费");
        assertThat(p.funding()).isEqualByComparingTo("4515600");
        assertThat(p.approvedSubmittedAt()).isEqualTo(T1);
        assertThat(p.approvedAt()).isEqualTo(T1.plusHours(30));
    }

    @Test
    void shouldNameTheDepartmentAsBudgetUnitWhenTheDocumentHasNone() {
        ProjectDocument withoutUnit = new ProjectDocument("JC", 2025, "项目", "034", "城区教育局", "034001", null, null, null,
                null, null, null, null, null, null, "1", List.of());
        ReportProject p = project(fold(List.of(new Event("approved 1",
                f -> f.onApproved(ID, 1, withoutUnit, new Approval("JX-1", "r", T1, null))))));

        assertThat(p.budgetUnitName()).isEqualTo("城区教育局");
    }

    @Test
    void shouldMarkTheLatestRevisionReturned() {
        ReportProject p = project(fold(List.of(SUBMITTED_1, RETURNED_1)));

        assertThat(p.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(p.latestRevision()).isEqualTo(1);
    }

    @Test
    void shouldListAResubmissionAsSubmittedAgain() {
        ReportProject p = project(fold(List.of(SUBMITTED_1, RETURNED_1, SUBMITTED_2)));

        assertThat(p.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(p.latestRevision()).isEqualTo(2);
    }

    @Test
    void shouldIgnoreAReturnOfARevisionThatWasAlreadyResubmitted() {
        ReportProject p = project(fold(List.of(SUBMITTED_1, SUBMITTED_2, RETURNED_1)));

        assertThat(p.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(p.latestRevision()).isEqualTo(2);
    }

    @Test
    void shouldKeepPublishingTheApprovedRevisionWhileAnAmendmentIsUnderReview() {
        ReportProject p = project(fold(List.of(SUBMITTED_1, RETURNED_1, SUBMITTED_2, APPROVED_2, AMENDED_3)));

        assertThat(p.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(p.latestRevision()).isEqualTo(3);
        assertThat(p.approvedRevision()).isEqualTo(2);
        assertThat(p.approvalNumber()).isEqualTo("JX-2");
        assertThat(p.funding()).isEqualByComparingTo("4515600");
        assertThat(p.approvedSubmittedAt()).isEqualTo(T2);
    }

    @Test
    void shouldPublishAnApprovedAmendmentWithItsOwnFundingAndLeadTime() {
        ReportProject p = project(fold(HISTORY));

        assertThat(p.status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(p.latestRevision()).isEqualTo(3);
        assertThat(p.approvedRevision()).isEqualTo(3);
        assertThat(p.approvalNumber()).isEqualTo("JX-3");
        assertThat(p.grade()).isNull();
        assertThat(p.funding()).isEqualTo(new BigDecimal("4600000.19"));
        assertThat(p.approvedSubmittedAt()).isEqualTo(T3);
    }

    @Test
    void shouldNotLetALateApprovalOfAnOlderRevisionReplaceTheNewerOne() {
        ReportProject p = project(fold(List.of(AMENDED_3, APPROVED_3, APPROVED_2)));

        assertThat(p.approvedRevision()).isEqualTo(3);
        assertThat(p.approvalNumber()).isEqualTo("JX-3");
        assertThat(p.status()).isEqualTo(ReportStatus.APPROVED);
    }

    @Test
    void shouldKeepTheAmendmentUnderReviewWhenTheOlderApprovalArrivesAfterIt() {
        ReportProject p = project(fold(List.of(AMENDED_3, APPROVED_2)));

        assertThat(p.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(p.latestRevision()).isEqualTo(3);
        assertThat(p.approvedRevision()).isEqualTo(2);
    }

    @Test
    void shouldTakeTheLeadTimeFromASubmissionThatArrivesAfterItsApproval() {
        ReportProject p = project(fold(List.of(APPROVED_2, SUBMITTED_2)));

        assertThat(p.approvedSubmittedAt()).isEqualTo(T2);
        assertThat(p.status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(p.latestRevision()).isEqualTo(2);
    }

    @Test
    void shouldKeepAPreReviewWhetherItArrivesBeforeOrAfterTheSubmission() {
        InMemoryReadModel checkFirst = fold(List.of(CHECKED_1, SUBMITTED_1));
        InMemoryReadModel checkLast = fold(List.of(SUBMITTED_1, CHECKED_1));

        assertThat(checkFirst.checks()).containsEntry(new InMemoryReadModel.Key(ID, 1), CHECK_1);
        assertThat(contents(checkFirst)).isEqualTo(contents(checkLast));
        assertThat(project(checkFirst).status()).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void shouldKeepTheFirstSubmissionTimeOfARevision() {
        InMemoryReadModel model = fold(List.of(SUBMITTED_1, new Event("submitted 1 later", f -> f.onSubmitted(ID, 1, DOC, T2))));

        assertThat(model.submittedAt(ID, 1)).contains(T1);
    }

    @Test
    void shouldChangeNothingWhenAnyEventIsDeliveredAgain() {
        TreeSet<String> once = contents(fold(HISTORY));
        for (int i = 0; i < HISTORY.size(); i++) {
            List<Event> redeliveredAtOnce = new ArrayList<>(HISTORY);
            redeliveredAtOnce.add(i + 1, HISTORY.get(i));
            List<Event> redeliveredAtTheEnd = new ArrayList<>(HISTORY);
            redeliveredAtTheEnd.add(HISTORY.get(i));

            assertThat(contents(fold(redeliveredAtOnce))).as("%s delivered twice", HISTORY.get(i)).isEqualTo(once);
            assertThat(contents(fold(redeliveredAtTheEnd))).as("%s delivered again at the end", HISTORY.get(i)).isEqualTo(once);
        }
    }

    /** Every order of the history (its first pre-review left out: 5,040 orders instead of 40,320; checks have their own test). */
    @Test
    void shouldEndInTheSameModelWhateverOrderTheEventsArriveIn() {
        List<Event> history = List.of(SUBMITTED_1, RETURNED_1, SUBMITTED_2, APPROVED_2, AMENDED_3, CHECKED_3, APPROVED_3);
        TreeSet<String> inOrder = contents(fold(history));
        List<List<Event>> orders = new ArrayList<>();
        permutations(new ArrayList<>(history), 0, orders);

        List<List<Event>> differing = orders.stream().filter(order -> !contents(fold(order)).equals(inOrder)).toList();

        assertThat(orders).hasSize(5_040);
        assertThat(differing).isEmpty();
        assertThat(project(fold(history)).state()).contains("|APPROVED|3|3|JX-3|");
    }

    /**
     * Submissions and returns travel on different topics, so a return can overtake the submission it
     * answers; it waits, remembered per revision, and the project ends RETURNED in either order.
     */
    @Test
    void shouldEndReturnedWhenTheReturnOvertakesItsSubmission() {
        InMemoryReadModel model = fold(List.of(RETURNED_1));

        assertThat(model.project(ID)).as("a return alone carries no document to list the project with").isEmpty();
        assertThat(project(fold(List.of(RETURNED_1, SUBMITTED_1))).status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(project(fold(List.of(SUBMITTED_1, RETURNED_1))).status()).isEqualTo(ReportStatus.RETURNED);
    }

    private static void permutations(List<Event> events, int from, List<List<Event>> out) {
        if (from == events.size()) {
            out.add(List.copyOf(events));
            return;
        }
        for (int i = from; i < events.size(); i++) {
            java.util.Collections.swap(events, from, i);
            permutations(events, from + 1, out);
            java.util.Collections.swap(events, from, i);
        }
    }
}

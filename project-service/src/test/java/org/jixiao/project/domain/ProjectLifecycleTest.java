package org.jixiao.project.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every transition of a project's review cycle, and every refusal, without a database. */
class ProjectLifecycleTest {
    static final ProjectDocument DOCUMENT = Documents.complete();
    static final ProjectDocument CHANGED = Documents.builder().funding("4600000").build();

    static Project draft() {
        return Project.declare(DOCUMENT, "王填报");
    }

    static Project submitted() {
        Project p = draft();
        p.markSubmitted("王填报");
        return p;
    }

    static Project returned() {
        Project p = submitted();
        p.returnForRevision(1, "张审核");
        return p;
    }

    static Project approved() {
        Project p = submitted();
        p.approve(1, "JX2025-000001", "李复审");
        return p;
    }

    static Project amending() {
        Project p = approved();
        p.openAmendment("幼儿人数调整", "王填报");
        return p;
    }

    static Project in(ProjectStatus status) {
        return switch (status) {
            case DRAFT -> draft();
            case SUBMITTED -> submitted();
            case RETURNED -> returned();
            case APPROVED -> approved();
            case AMENDING -> amending();
        };
    }

    static void assertRefused(Runnable action, DomainException.Kind kind, String code, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void shouldDeclareADraftAtRevisionOneWithTheDocumentAsWritten() {
        Project p = draft();
        assertThat(p.id()).isNotNull();
        assertThat(p.status()).isEqualTo(ProjectStatus.DRAFT);
        assertThat(p.revision()).isEqualTo(1);
        assertThat(p.approvedRevision()).isNull();
        assertThat(p.amending()).isFalse();
        assertThat(p.toDocument()).isEqualTo(DOCUMENT);
        assertThat(p.funding()).isEqualByComparingTo(new BigDecimal("4515600"));
        assertThat(p.createdBy()).isEqualTo("王填报");
        assertThat(p.updatedBy()).isEqualTo("王填报");
        assertThat(p.createdAt()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"DRAFT", "RETURNED", "AMENDING"})
    void shouldRaiseTheRevisionWhenAnEditableProjectsContentChanges(ProjectStatus status) {
        Project p = in(status);
        int before = p.revision();
        assertThat(p.replaceContent(CHANGED, "赵修改")).isTrue();
        assertThat(p.revision()).isEqualTo(before + 1);
        assertThat(p.toDocument()).isEqualTo(CHANGED);
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.updatedBy()).isEqualTo("赵修改");
    }

    @Test
    void shouldNotRaiseTheRevisionWhenTheContentIsUnchanged() {
        Project p = draft();
        assertThat(p.replaceContent(DOCUMENT, "赵修改")).isFalse();
        assertThat(p.revision()).isEqualTo(1);
        assertThat(p.updatedBy()).isEqualTo("王填报");
    }

    @Test
    void shouldKeepTheExternalRefWhenAReplacementLeavesItOut() {
        Project p = draft();
        assertThat(p.replaceContent(Documents.builder().externalRef(null).build(), "赵修改")).isFalse();
        assertThat(p.replaceContent(Documents.builder().externalRef(null).funding("1").build(), "赵修改")).isTrue();
        assertThat(p.externalRef()).isEqualTo(DOCUMENT.externalRef());
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"SUBMITTED", "APPROVED"})
    void shouldRefuseToChangeAProjectThatIsNotEditable(ProjectStatus status) {
        Project p = in(status);
        String hint = status == ProjectStatus.APPROVED ? " (open an amendment to change an approved project)" : "";
        assertRefused(() -> p.replaceContent(CHANGED, "赵修改"), DomainException.Kind.CONFLICT, "not-editable",
                "a " + status + " project cannot be changed; it can be edited while DRAFT, RETURNED or AMENDING" + hint);
        assertThat(p.toDocument()).isEqualTo(DOCUMENT);
        assertThat(p.revision()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"DRAFT", "RETURNED", "AMENDING"})
    void shouldSubmitAnEditableProject(ProjectStatus status) {
        Project p = in(status);
        p.markSubmitted("钱提交");
        assertThat(p.status()).isEqualTo(ProjectStatus.SUBMITTED);
        assertThat(p.updatedBy()).isEqualTo("钱提交");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"SUBMITTED", "APPROVED"})
    void shouldRefuseToSubmitAProjectThatIsNotEditable(ProjectStatus status) {
        Project p = in(status);
        assertRefused(() -> p.markSubmitted("钱提交"), DomainException.Kind.CONFLICT, "not-submittable",
                "a " + status + " project cannot be submitted");
        assertThat(p.status()).isEqualTo(status);
    }

    @Test
    void shouldApproveTheSubmittedRevision() {
        Project p = submitted();
        assertThat(p.approve(1, "JX2025-000001", "李复审")).isTrue();
        assertThat(p.status()).isEqualTo(ProjectStatus.APPROVED);
        assertThat(p.approvedRevision()).isEqualTo(1);
        assertThat(p.approvalNumber()).isEqualTo("JX2025-000001");
        assertThat(p.updatedBy()).isEqualTo("李复审");
    }

    @Test
    void shouldIgnoreAnApprovalOfAStaleRevision() {
        Project p = submitted();
        assertThat(p.approve(7, "JX-STALE", "李复审")).isFalse();
        assertThat(p.status()).isEqualTo(ProjectStatus.SUBMITTED);
        assertThat(p.approvedRevision()).isNull();
        assertThat(p.approvalNumber()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"DRAFT", "RETURNED", "APPROVED", "AMENDING"})
    void shouldIgnoreAnApprovalOfAProjectThatIsNotSubmitted(ProjectStatus status) {
        Project p = in(status);
        Integer approvedBefore = p.approvedRevision();
        assertThat(p.approve(p.revision(), "JX-LATE", "李复审")).isFalse();
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.approvedRevision()).isEqualTo(approvedBefore);
    }

    @Test
    void shouldReturnTheSubmittedRevisionForChanges() {
        Project p = submitted();
        assertThat(p.returnForRevision(1, "张审核")).isTrue();
        assertThat(p.status()).isEqualTo(ProjectStatus.RETURNED);
        assertThat(p.status().editable()).isTrue();
        assertThat(p.updatedBy()).isEqualTo("张审核");
    }

    @Test
    void shouldIgnoreAReturnOfAStaleRevision() {
        Project p = submitted();
        assertThat(p.returnForRevision(2, "张审核")).isFalse();
        assertThat(p.status()).isEqualTo(ProjectStatus.SUBMITTED);
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"DRAFT", "RETURNED", "APPROVED", "AMENDING"})
    void shouldIgnoreAReturnOfAProjectThatIsNotSubmitted(ProjectStatus status) {
        Project p = in(status);
        assertThat(p.returnForRevision(p.revision(), "张审核")).isFalse();
        assertThat(p.status()).isEqualTo(status);
    }

    @Test
    void shouldOpenAnAmendmentOfAnApprovedProjectKeepingTheApprovedRevisionInForce() {
        Project p = approved();
        p.openAmendment("幼儿人数调整", "王填报");
        assertThat(p.status()).isEqualTo(ProjectStatus.AMENDING);
        assertThat(p.amending()).isTrue();
        assertThat(p.amendmentReason()).isEqualTo("幼儿人数调整");
        assertThat(p.approvedRevision()).isEqualTo(1);
        assertThat(p.approvalNumber()).isEqualTo("JX2025-000001");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"DRAFT", "SUBMITTED", "RETURNED", "AMENDING"})
    void shouldRefuseToAmendAProjectThatIsNotApproved(ProjectStatus status) {
        Project p = in(status);
        assertRefused(() -> p.openAmendment("实施单位变更", "王填报"), DomainException.Kind.CONFLICT, "not-amendable",
                "only an APPROVED project can be amended; this one is " + status);
        assertThat(p.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void shouldRefuseAnAmendmentWithoutAReason(String reason) {
        Project p = approved();
        assertRefused(() -> p.openAmendment(reason, "王填报"), DomainException.Kind.INVALID, "amendment-needs-reason",
                "an amendment (调整) needs a reason");
        assertThat(p.status()).isEqualTo(ProjectStatus.APPROVED);
        assertThat(p.amending()).isFalse();
    }

    @Test
    void shouldEndTheAmendmentWhenItsRevisionIsApproved() {
        Project p = amending();
        p.replaceContent(CHANGED, "王填报");
        p.markSubmitted("王填报");
        assertThat(p.approve(2, "JX2025-000002", "李复审")).isTrue();
        assertThat(p.status()).isEqualTo(ProjectStatus.APPROVED);
        assertThat(p.approvedRevision()).isEqualTo(2);
        assertThat(p.approvalNumber()).isEqualTo("JX2025-000002");
        assertThat(p.amending()).isFalse();
        assertThat(p.amendmentReason()).isNull();
    }

    @Test
    void shouldStartANewRevisionForAResubmissionOfUnchangedContent() {
        Project p = returned();
        p.startNewRevision();
        assertThat(p.revision()).isEqualTo(2);
        assertThat(p.toDocument()).isEqualTo(DOCUMENT);
        p.markSubmitted("王填报");
        assertThat(p.approve(1, "JX-OLD", "李复审")).isFalse();
        assertThat(p.approve(2, "JX2025-000002", "李复审")).isTrue();
    }

    @Test
    void shouldShowAProjectOnlyToItsOwnDepartmentAndToTheBureau() {
        Project p = draft();
        assertThat(p.isVisibleTo(new Actor("教育", Set.of(Roles.DEPARTMENT), Map.of("department", "034")))).isTrue();
        assertThat(p.isVisibleTo(new Actor("卫健", Set.of(Roles.DEPARTMENT), Map.of("department", "038")))).isFalse();
        assertThat(p.isVisibleTo(new Actor("无部门", Set.of(Roles.DEPARTMENT), Map.of()))).isFalse();
        assertThat(p.isVisibleTo(new Actor("审核", Set.of(Roles.REVIEWER), Map.of()))).isTrue();
    }
}

package org.jixiao.project.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Roles;
import org.junit.jupiter.api.Test;

class ExternalRefPolicyTest {
    static final Actor DEPARTMENT = new Actor("dept-034", Set.of(Roles.DEPARTMENT), Map.of("department", "034"));
    static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN), Map.of());
    static final Actor PLATFORM = new Actor("provincial-platform", Set.of(Roles.INTEGRATION), Map.of());

    @Test
    void shouldForbidADepartmentToSetOrChangeAnExternalRef() {
        for (String current : new String[] {null, "JC-1"}) {
            assertThatThrownBy(() -> ExternalRefPolicy.requireMaySet(DEPARTMENT, current, "JC-2"))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                        assertThat(e.code()).isEqualTo("external-ref-platform-only");
                    });
        }
    }

    @Test
    void shouldLetADepartmentKeepOrLeaveOutTheExternalRef() {
        assertThatCode(() -> ExternalRefPolicy.requireMaySet(DEPARTMENT, "JC-1", "JC-1")).doesNotThrowAnyException();
        assertThatCode(() -> ExternalRefPolicy.requireMaySet(DEPARTMENT, "JC-1", null)).doesNotThrowAnyException();
        assertThatCode(() -> ExternalRefPolicy.requireMaySet(DEPARTMENT, null, null)).doesNotThrowAnyException();
    }

    @Test
    void shouldLetThePlatformAndAdminsSetAndChangeIt() {
        for (Actor actor : new Actor[] {ADMIN, PLATFORM}) {
            assertThatCode(() -> ExternalRefPolicy.requireMaySet(actor, null, "JC-2")).doesNotThrowAnyException();
            assertThatCode(() -> ExternalRefPolicy.requireMaySet(actor, "JC-1", "JC-2")).doesNotThrowAnyException();
        }
    }
}

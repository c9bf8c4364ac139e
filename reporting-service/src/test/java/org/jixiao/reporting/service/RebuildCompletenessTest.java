package org.jixiao.reporting.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.jixiao.common.domain.DomainException;
import org.junit.jupiter.api.Test;

class RebuildCompletenessTest {

    @Test
    void shouldRebuildFromTopicsThatStillHoldTheirFirstRecord() {
        assertThatCode(() -> RebuildService.requireWhole(Map.of(new TopicPartition("jixiao.projects", 0), 0L,
                new TopicPartition("jixiao.reviews", 2), 0L))).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseARebuildFromATopicWhoseEarlyRecordsAreGoneNamingTopicAndOffset() {
        assertThatThrownBy(() -> RebuildService.requireWhole(Map.of(new TopicPartition("jixiao.projects", 0), 0L,
                new TopicPartition("jixiao.reviews", 1), 1523L)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("topic-truncated");
                })
                .hasMessageContaining("jixiao.reviews-1").hasMessageContaining("1523");
    }
}

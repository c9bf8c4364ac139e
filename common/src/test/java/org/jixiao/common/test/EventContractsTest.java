package org.jixiao.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventContractsTest {

    @Test
    void shouldRejectAnEventWithoutEventIdOrWithAFundingNumber() {
        String good = """
                {"eventId":"7f1a0c4e-7d0a-4a53-9d1c-5f0b7c3c7e11","eventType":"ProjectReturned","schemaVersion":1,
                 "occurredAt":"2025-03-01T08:00:00Z","projectId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","revision":1,
                 "data":{"returnedBy":"r","returnedAt":"2025-03-01T08:00:00Z","stage":"业务股室初审","comments":[{"text":"请补充"}]}}""";
        assertThat(EventContracts.violations(good)).isEmpty();
        assertThat(EventContracts.violations(good.replace("\"eventId\":\"7f1a0c4e-7d0a-4a53-9d1c-5f0b7c3c7e11\",", "")))
                .isNotEmpty();
        String approved = """
                {"eventId":"7f1a0c4e-7d0a-4a53-9d1c-5f0b7c3c7e12","eventType":"ProjectApproved","schemaVersion":1,
                 "occurredAt":"2025-03-01T08:00:00Z","projectId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","revision":1,
                 "data":{"approvalNumber":"JX2025-000001","approvedBy":"r","approvedAt":"2025-03-01T08:00:00Z",
                  "project":{"budgetYear":2025,"name":"n","departmentCode":"034","departmentName":"d","attribute":"a",
                   "funding":%s,"indicators":[{"level1":"产出指标","level2":"数量指标","name":"x","target":"≥1"}]}}}""";
        assertThat(EventContracts.violations(approved.formatted("\"4515600\""))).isEmpty();
        assertThat(EventContracts.violations(approved.formatted("4515600"))).isNotEmpty();
    }

    @Test
    void shouldAcceptAFrameworkPublicationWithOrWithoutItsRevisionButNotANegativeOne() {
        String published = """
                {"eventId":"7f1a0c4e-7d0a-4a53-9d1c-5f0b7c3c7e13","eventType":"FrameworkPublished","schemaVersion":1,
                 "occurredAt":"2025-03-01T08:00:00Z","projectId":null,"revision":0,
                 "data":{"budgetYear":2026,%s"framework":{"code":"mof-2021","name":"n","version":1,"level1":[]}}}""";
        assertThat(EventContracts.violations(published.formatted(""))).as("published before revisions existed").isEmpty();
        assertThat(EventContracts.violations(published.formatted("\"revision\":3,"))).isEmpty();
        assertThat(EventContracts.violations(published.formatted("\"revision\":-1,"))).isNotEmpty();
        assertThat(EventContracts.violations(published.formatted("\"revision\":\"3\","))).isNotEmpty();
    }
}

package org.jixiao.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.project.repository.FrameworkRepository;
import org.junit.jupiter.api.Test;

/** The framework a year's submissions are checked against is the newest indicator-service published, in whatever order the events arrive. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class FrameworkRevisionTest {
    @Inject
    EventCodec codec;
    @Inject
    FrameworkRepository frameworks;

    @Test
    void shouldKeepTheNewestFrameworkOfAYearWhenAnOlderPublicationArrivesLater() {
        int year = 2041;
        publish(year, framework("newer"), 2);
        publish(year, framework("older"), 1);
        publishWithoutRevision(year, framework("versionless"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inForce(year)).isNotNull());
        // the three share a key, so one partition: once the group has committed past them, all three were handled
        KafkaProbe.awaitQuiet(Duration.ofSeconds(30));

        assertThat(inForce(year)).isEqualTo("newer");

        publish(year, framework("newest"), 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inForce(year)).isEqualTo("newest"));
    }

    @Test
    void shouldAcceptAFrameworkPublishedBeforePublicationsCarriedARevisionAsRevisionZero() {
        int year = 2042;
        publishWithoutRevision(year, framework("versionless"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inForce(year)).isEqualTo("versionless"));

        publish(year, framework("first-revision"), 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inForce(year)).isEqualTo("first-revision"));
    }

    private String inForce(int year) {
        return QuarkusTransaction.requiringNew().call(() -> frameworks.inForce(year)).map(Framework::code).orElse(null);
    }

    private void publish(int year, Framework framework, int revision) {
        send(year, new FrameworkPublished(year, framework, revision));
    }

    /** The data of a FrameworkPublished as indicator-service sent it before the revision existed. */
    private void publishWithoutRevision(int year, Framework framework) {
        send(year, Map.of("budgetYear", year, "framework", framework));
    }

    private void send(int year, Object data) {
        String event = codec.encode(codec.envelope(EventTypes.FRAMEWORK_PUBLISHED, null, 0, "indicator-service", data));
        EventContracts.assertValid(event);
        KafkaProbe.send(Topics.FRAMEWORKS, "framework-" + year, event);
    }

    private static Framework framework(String code) {
        return new Framework(code, code, 1, List.of(new Framework.Level1("产出指标", true, List.of(),
                List.of(new Framework.Level2("数量指标", List.of())))));
    }
}

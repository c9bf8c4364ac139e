package org.jixiao.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_indicator_test"))
class FrameworkPublicationTest {
    @Inject
    EventCodec codec;

    @Test
    void shouldNumberEachPublicationOfAYearsFrameworkAboveTheLastOne() {
        int year = 2033;
        for (String code : new String[] { "mof-2021", "classic", "mof-2021" }) {
            assign(year, code);
        }
        // choosing the framework already in force publishes nothing
        assign(year, "mof-2021");

        var records = KafkaProbe.records(Topics.FRAMEWORKS, r -> ("framework-" + year).equals(r.key()), 3,
                Duration.ofSeconds(30));

        assertThat(records).hasSize(3);
        records.forEach(r -> EventContracts.assertValid(r.value()));
        assertThat(records.stream().map(r -> codec.data(codec.decode(r.value()), FrameworkPublished.class)))
                .extracting(p -> p.framework().code() + "@" + p.revision())
                .containsExactly("mof-2021@1", "classic@2", "mof-2021@3");
    }

    private static void assign(int year, String code) {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("{\"frameworkCode\":\"" + code + "\"}")
                .when().put("/api/v1/frameworks/years/" + year).then().statusCode(200).body("code", equalTo(code));
    }
}

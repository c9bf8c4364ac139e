package org.jixiao.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Our timestamp writer against Jackson's, on the values the services hold and on the cases it leaves to Jackson. */
class IsoTimestampsTest {
    record Stamped(OffsetDateTime at) {
    }

    record Formatted(@JsonFormat(pattern = "yyyy/MM/dd HH:mm") OffsetDateTime at) {
    }

    /** As Quarkus configures its mapper by default: the java.time module, dates as text, no explicit time zone. */
    private static ObjectMapper jackson(Consumer<ObjectMapper> settings) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        settings.accept(mapper);
        return mapper;
    }

    private static ObjectMapper ours(Consumer<ObjectMapper> settings) {
        ObjectMapper mapper = jackson(settings);
        new IsoTimestamps().customize(mapper);
        return mapper;
    }

    static List<OffsetDateTime> values() {
        Random random = new Random(20251130);
        List<OffsetDateTime> values = new ArrayList<>(List.of(
                OffsetDateTime.of(2025, 6, 30, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2025, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC),
                OffsetDateTime.of(2025, 1, 1, 8, 0, 0, 100_000_000, ZoneOffset.ofHours(8)),
                OffsetDateTime.of(2025, 1, 1, 8, 0, 0, 120_000, ZoneOffset.ofHoursMinutes(-3, -30)),
                OffsetDateTime.of(2025, 1, 1, 8, 0, 0, 1, ZoneOffset.ofHoursMinutesSeconds(5, 45, 30)),
                OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC),
                OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(987, 3, 4, 5, 6, 7, 80_000_000, ZoneOffset.MAX),
                OffsetDateTime.of(2026, 2, 28, 12, 0, 0, 0, ZoneOffset.MIN)));
        for (int i = 0; i < 100_000; i++) {
            // microseconds as PostgreSQL keeps them, milliseconds, whole seconds and nanoseconds, in any offset
            int nano = switch (i % 4) {
                case 0 -> random.nextInt(1_000_000) * 1_000;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> 0;
                default -> random.nextInt(1_000_000_000);
            };
            LocalDateTime local = LocalDateTime.of(1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), nano);
            ZoneOffset offset = i % 3 == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4) - 18 * 4) * 900);
            values.add(OffsetDateTime.of(local, offset));
        }
        return values;
    }

    @Test
    void shouldWriteEveryInstantAsJacksonWritesIt() throws Exception {
        ObjectMapper jackson = jackson(m -> { });
        ObjectMapper ours = ours(m -> { });
        assertThat(ours.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class))
                .isInstanceOf(IsoTimestamps.Serializer.class);
        for (OffsetDateTime value : values()) {
            assertThat(ours.writeValueAsString(new Stamped(value))).as(value.toString())
                    .isEqualTo(jackson.writeValueAsString(new Stamped(value)));
        }
    }

    @Test
    void shouldLeaveNumbersAContextTimeZoneAndAPropertysFormatToJackson() throws Exception {
        List<Consumer<ObjectMapper>> settings = List.of(
                m -> m.enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
                m -> m.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai")));
        for (Consumer<ObjectMapper> setting : settings) {
            ObjectMapper jackson = jackson(setting);
            ObjectMapper ours = ours(setting);
            for (OffsetDateTime value : values().subList(0, 2_000)) {
                assertThat(ours.writeValueAsString(new Stamped(value))).as(value.toString())
                        .isEqualTo(jackson.writeValueAsString(new Stamped(value)));
            }
        }
        ObjectMapper jackson = jackson(m -> { });
        ObjectMapper ours = ours(m -> { });
        OffsetDateTime value = OffsetDateTime.of(2025, 6, 30, 8, 15, 30, 0, ZoneOffset.ofHours(8));
        assertThat(ours.writeValueAsString(new Formatted(value))).isEqualTo(jackson.writeValueAsString(new Formatted(value)))
                .isEqualTo("{\"at\":\"2025/06/30 08:15\"}");
    }
}

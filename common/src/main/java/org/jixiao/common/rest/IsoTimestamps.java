package org.jixiao.common.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * Writes an {@link OffsetDateTime} as the text Jackson's own serializer writes ({@code ISO_OFFSET_DATE_TIME}:
 * {@code 2025-06-30T08:15:30.123456Z}, the fraction without trailing zeros, the value's own offset), without a
 * {@code DateTimeFormatter}: the formatter was 7% of project-service's CPU serving lists under load (issue 15;
 * a page of 20 projects has 40 instants, a case list more). Anything but that plain form (timestamps as numbers,
 * a context time zone, a {@code @JsonFormat}, a year outside 0–9999) is left to Jackson's serializer; a test
 * compares both on many values.
 */
@Singleton
public class IsoTimestamps implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    @Override
    public int priority() {
        // after Quarkus' own customizer has registered the java.time module, so ours overrides its serializer
        return MINIMUM_PRIORITY;
    }

    private static SimpleModule module() {
        return new SimpleModule("jixiao-iso-timestamps").addSerializer(OffsetDateTime.class,
                new Serializer(OffsetDateTimeSerializer.INSTANCE));
    }

    static final class Serializer extends StdSerializer<OffsetDateTime> implements ContextualSerializer {
        private final JsonSerializer<OffsetDateTime> jackson;

        Serializer(JsonSerializer<OffsetDateTime> jackson) {
            super(OffsetDateTime.class);
            this.jackson = jackson;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonFormat.Value format = findFormatOverrides(provider, property, handledType());
            // a @JsonFormat on the property (or a format configured for the type) is Jackson's to honour
            if (format == null || format.equals(JsonFormat.Value.empty())) {
                return this;
            }
            return jackson instanceof ContextualSerializer c ? c.createContextual(provider, property) : jackson;
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            int year = value.getYear();
            if (year < 0 || year > 9999 || provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    || provider.getConfig().hasExplicitTimeZone()
                    && provider.isEnabled(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)) {
                jackson.serialize(value, generator, provider);
                return;
            }
            // 2025-12-31T23:59:59.123456789+05:45:30, the longest
            char[] text = new char[38];
            int n = digits(text, 0, year, 4);
            text[n++] = '-';
            n = digits(text, n, value.getMonthValue(), 2);
            text[n++] = '-';
            n = digits(text, n, value.getDayOfMonth(), 2);
            text[n++] = 'T';
            n = digits(text, n, value.getHour(), 2);
            text[n++] = ':';
            n = digits(text, n, value.getMinute(), 2);
            text[n++] = ':';
            n = digits(text, n, value.getSecond(), 2);
            int nano = value.getNano();
            if (nano != 0) {
                int width = 9;
                while (nano % 10 == 0) {
                    nano /= 10;
                    width--;
                }
                text[n++] = '.';
                n = digits(text, n, nano, width);
            }
            String offset = value.getOffset().getId();
            offset.getChars(0, offset.length(), text, n);
            generator.writeString(text, 0, n + offset.length());
        }

        private static int digits(char[] text, int at, int value, int width) {
            for (int i = at + width - 1; i >= at; i--) {
                text[i] = (char) ('0' + value % 10);
                value /= 10;
            }
            return at + width;
        }
    }
}

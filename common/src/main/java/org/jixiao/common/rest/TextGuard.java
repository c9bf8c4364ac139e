package org.jixiao.common.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.jixiao.common.contract.InvalidTextException;
import org.jixiao.common.domain.Texts;

/**
 * Every string the application's ObjectMapper reads into a Java value (bodies, import documents,
 * merge patches once applied) passes {@link Texts#problem}; a NUL or an unpaired surrogate becomes
 * 400 invalid-text pointing at the field instead of a database error later.
 */
@Singleton
public class TextGuard implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("jixiao-text-guard");
        module.addDeserializer(String.class, new GuardedString());
        module.addKeyDeserializer(String.class, new GuardedKey());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new GuardedEnum(deserializer);
            }
        });
        return module;
    }

    /**
     * Jackson trims an enum's text before looking it up, and NUL is among what String.trim removes:
     * {@code "SPECIFIC\u0000"} would be read as SPECIFIC. The text is checked before the lookup.
     */
    static final class GuardedEnum extends DelegatingDeserializer {
        GuardedEnum(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new GuardedEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String problem = Texts.problem(p.getText());
                if (problem != null) {
                    throw new InvalidTextException(p, "the text " + problem);
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    static final class GuardedString extends StdScalarDeserializer<String> {
        GuardedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = Texts.problem(value);
            if (problem != null) {
                throw new InvalidTextException(p, "the text " + problem);
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class GuardedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = Texts.problem(key);
            if (problem != null) {
                throw new InvalidTextException(ctxt.getParser(), "the field name " + problem);
            }
            return key;
        }
    }
}

package org.jixiao.common.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        return module;
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

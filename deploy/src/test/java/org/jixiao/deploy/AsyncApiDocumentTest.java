package org.jixiao.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document of the events (common/src/main/resources/events/asyncapi.yaml) is valid AsyncAPI 3.0 and
 * says what the services really publish: each event type a message whose payload is its JSON Schema, each
 * topic a service writes to a channel with exactly the messages written there.
 */
class AsyncApiDocumentTest {
    private static final Path EVENTS = ApiTools.ROOT.resolve("common/src/main/resources/events");
    private static final Path DOCUMENT = EVENTS.resolve("asyncapi.yaml");
    /** outbox.publish(Topics.X, EventTypes.Y, …), publishKeyed(Topics.X, key, EventTypes.Y, …), publishRaw(…). */
    private static final Pattern PUBLISH = Pattern.compile("outbox\\.publish(?:Keyed|Raw)?\\(([^;]*);");
    private static final Pattern TOPIC = Pattern.compile("Topics\\.(\\w+)(\\()?");
    private static final Pattern TYPE = Pattern.compile("EventTypes\\.(\\w+)");
    private static final Pattern RAW_TYPE = Pattern.compile("Topics\\.deadLetter\\([^)]*\\),[^,]*,\\s*\"(\\w+)\"");

    @Test
    void shouldParseAsValidAsyncApiWithTheOfficialParser() throws Exception {
        ApiTools.Result parsed = ApiTools.node("validate-asyncapi.mjs", DOCUMENT.toString());
        assertThat(parsed.exit()).as("@asyncapi/parser:\n%s", parsed.output()).isZero();
        assertThat(parsed.output()).contains("asyncapi: valid 3.0.0");
    }

    @Test
    void shouldGiveEveryEventTypeAMessageWhosePayloadIsItsJsonSchema() throws Exception {
        JsonNode messages = document().path("components").path("messages");
        for (String type : EventTypes.ALL) {
            JsonNode message = messages.path(type);
            assertThat(message.path("name").asText()).as("message of %s", type).isEqualTo(type);
            String ref = message.path("payload").path("$ref").asText();
            assertThat(ref).as("payload of %s", type).isEqualTo("./" + type + ".schema.json");
            assertThat(EVENTS.resolve(ref)).as("schema of %s", type).isRegularFile();
            assertThat(new ObjectMapper().readTree(EVENTS.resolve(ref).toFile()).path("$id").asText())
                    .isEqualTo("urn:jixiao:event:" + type + ":1");
        }
    }

    @Test
    void shouldDeclareEveryTopicAServicePublishesToWithExactlyTheMessagesPublishedThere() throws Exception {
        Map<String, Set<String>> published = publishedBySources();
        assertThat(published.keySet()).as("topics found in the services' outbox calls")
                .containsAll(Topics.ALL).contains(Topics.deadLetter("{service}"));

        Map<String, Set<String>> declared = new HashMap<>();
        Map<String, Set<String>> sent = new HashMap<>();
        JsonNode doc = document();
        for (var channel : (Iterable<Map.Entry<String, JsonNode>>) doc.path("channels")::fields) {
            Set<String> names = new TreeSet<>();
            channel.getValue().path("messages").fields().forEachRemaining(m -> names.add(messageName(doc, m.getValue())));
            declared.put(channel.getValue().path("address").asText(), names);
        }
        for (JsonNode op : (Iterable<JsonNode>) doc.path("operations")::elements) {
            assertThat(op.path("action").asText()).isEqualTo("send");
            String channelName = op.path("channel").path("$ref").asText().replace("#/channels/", "");
            String address = doc.path("channels").path(channelName).path("address").asText();
            for (JsonNode m : op.path("messages")) {
                sent.computeIfAbsent(address, a -> new TreeSet<>()).add(messageName(doc, m));
            }
        }
        assertThat(declared).as("channels (address → messages) against the services' sources").isEqualTo(published);
        assertThat(sent).as("send operations (address → messages) against the services' sources").isEqualTo(published);
    }

    /** Follows a channel's or operation's message $ref to the component, whose name is the event type. */
    private static String messageName(JsonNode doc, JsonNode message) {
        JsonNode target = message;
        for (int i = 0; i < 3 && target.has("$ref"); i++) {
            target = doc.at(target.path("$ref").asText().substring(1));
        }
        return target.path("name").asText();
    }

    /** topic → event types, read from every outbox call in the services' and common's main sources. */
    private static Map<String, Set<String>> publishedBySources() throws IOException, ReflectiveOperationException {
        Map<String, String> topics = constants(Topics.class);
        Map<String, String> types = constants(EventTypes.class);
        Map<String, Set<String>> published = new HashMap<>();
        for (String module : Stream.concat(ApiTools.SERVICES.stream(), Stream.of("common")).toList()) {
            try (Stream<Path> files = Files.walk(ApiTools.ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher call = PUBLISH.matcher(Files.readString(file));
                    while (call.find()) {
                        String args = call.group(1);
                        Matcher topic = TOPIC.matcher(args);
                        if (!topic.find()) {
                            continue;
                        }
                        String address = topic.group(2) != null ? Topics.deadLetter("{service}")
                                : topics.get(topic.group(1));
                        Set<String> names = published.computeIfAbsent(address, a -> new TreeSet<>());
                        Matcher type = TYPE.matcher(args);
                        while (type.find()) {
                            names.add(types.get(type.group(1)));
                        }
                        Matcher raw = RAW_TYPE.matcher(args);
                        if (raw.find()) {
                            names.add(raw.group(1));
                        }
                        assertThat(names).as("event types of %s in %s", args, file).isNotEmpty();
                    }
                }
            }
        }
        return published;
    }

    private static Map<String, String> constants(Class<?> type) throws ReflectiveOperationException {
        Map<String, String> values = new HashMap<>();
        for (var field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.put(field.getName(), (String) field.get(null));
            }
        }
        return values;
    }

    private static JsonNode document() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
    }
}

package org.keepalived4j.exporter.alerts.webhook;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keepalived4j.exporter.alerts.JsonReader;

/**
 * Checks a JSON value against the part of JSON Schema (draft 2020-12) that
 * conf/alert-webhook.schema.json uses: type, const, enum, required, properties,
 * additionalProperties, minLength and format date-time. A keyword it does not know fails the
 * check, so the schema cannot grow past what is tested.
 */
final class SchemaCheck {

    private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "type", "const",
            "enum", "required", "properties", "additionalProperties", "minLength", "format");

    private SchemaCheck() {
    }

    /** The schema file of the repository, read from the module's folder (surefire's working directory). */
    static Map<String, Object> webhookSchema() throws Exception {
        return JsonReader.object(Files.readString(Path.of("../../conf/alert-webhook.schema.json")));
    }

    /** What does not fit, one line per problem; empty when {@code value} is valid. */
    static List<String> errors(Object value, Map<String, Object> schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors);
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static void check(Object value, Map<String, Object> schema, String path, List<String> errors) {
        for (String keyword : schema.keySet()) {
            if (!KNOWN.contains(keyword)) {
                errors.add(path + ": the schema uses '" + keyword + "', which this check does not know");
            }
        }
        if (schema.containsKey("type")) {
            Object type = schema.get("type");
            List<Object> types = type instanceof List ? (List<Object>) type : List.of(type);
            if (types.stream().noneMatch(t -> is(value, (String) t))) {
                errors.add(path + ": " + describe(value) + " is not of type " + types);
                return;
            }
        }
        if (schema.containsKey("const") && !java.util.Objects.equals(schema.get("const"), value)) {
            errors.add(path + ": " + describe(value) + " is not " + schema.get("const"));
        }
        if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(value)) {
            errors.add(path + ": " + describe(value) + " is not one of " + schema.get("enum"));
        }
        if (value instanceof String s) {
            if (schema.containsKey("minLength") && s.length() < ((BigDecimal) schema.get("minLength")).intValue()) {
                errors.add(path + ": too short");
            }
            if ("date-time".equals(schema.get("format"))) {
                try {
                    Instant.parse(s);
                } catch (RuntimeException e) {
                    errors.add(path + ": '" + s + "' is not an RFC 3339 date-time in UTC");
                }
            }
        }
        if (value instanceof Map<?, ?> object) {
            for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!object.containsKey(required)) {
                    errors.add(path + ": no member " + required);
                }
            }
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            Object additional = schema.getOrDefault("additionalProperties", Boolean.TRUE);
            for (Map.Entry<?, ?> member : object.entrySet()) {
                String name = (String) member.getKey();
                Map<String, Object> sub = (Map<String, Object>) properties.get(name);
                if (sub == null && additional instanceof Map) {
                    sub = (Map<String, Object>) additional;
                } else if (sub == null && Boolean.FALSE.equals(additional)) {
                    errors.add(path + ": member " + name + " is not allowed");
                }
                if (sub != null) {
                    check(member.getValue(), sub, path + "." + name, errors);
                }
            }
        }
    }

    private static boolean is(Object value, String type) {
        return switch (type) {
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "number" -> value instanceof BigDecimal;
            case "integer" -> value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0;
            case "null" -> value == null;
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}

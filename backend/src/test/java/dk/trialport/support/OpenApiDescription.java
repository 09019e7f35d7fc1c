package dk.trialport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The JSON API's OpenAPI description as tests read it: its operations, their parameters and schemas, refs resolved. */
public final class OpenApiDescription {

    /** One operation: its path template, its method (lower case) and its description. */
    public record Operation(String path, String method, Map<String, Object> spec) {}

    private final Map<String, Object> root;

    private OpenApiDescription(Map<String, Object> root) {
        this.root = root;
    }

    /** The description the application serves, from the classpath. */
    public static OpenApiDescription load() {
        try (var in = OpenApiDescription.class.getResourceAsStream("/api/openapi.yaml")) {
            return new OpenApiDescription(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> root() {
        return root;
    }

    public List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        map(root.get("paths"))
                .forEach((path, item) -> map(item).forEach((method, spec) -> {
                    if (List.of("get", "put", "post", "patch", "delete", "head", "options")
                            .contains(method)) {
                        operations.add(new Operation(path, method, map(spec)));
                    }
                }));
        return operations;
    }

    public Operation operation(String path, String method) {
        return operations().stream()
                .filter(o -> o.path().equals(path) && o.method().equals(method))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + method + " " + path));
    }

    /** The operation's parameters, each resolved. */
    public List<Map<String, Object>> parameters(Operation operation) {
        var parameters = operation.spec().get("parameters");
        return parameters == null
                ? List.of()
                : list(parameters).stream().map(p -> resolve(map(p))).toList();
    }

    /** The schema of the operation's response with {@code status} in {@code mediaType}, resolved; null when none. */
    public Map<String, Object> responseSchema(Operation operation, String status, String mediaType) {
        var response = map(map(operation.spec().get("responses")).get(status));
        if (response == null) {
            return null;
        }
        var content = map(resolve(response).get("content"));
        var media = content == null ? null : map(content.get(mediaType));
        return media == null ? null : resolve(map(media.get("schema")));
    }

    /**
     * Where {@code value} (a JSON body read into maps and lists) departs from {@code schema}: a wrong type, a required
     * field missing, a field the schema does not document. Empty when it conforms.
     */
    public List<String> departures(Object value, Map<String, Object> schema) {
        var errors = new ArrayList<String>();
        conforms(value, schema, "$", errors);
        return errors;
    }

    /** Adds to {@code errors} where {@code value} departs from {@code schema}: a wrong type, a missing or undocumented field. */
    private void conforms(Object value, Map<String, Object> given, String where, List<String> errors) {
        var schema = resolve(given);
        var types = schema.get("type") instanceof List<?> several
                ? several.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(schema.get("type")));
        if (value == null) {
            if (!types.contains("null")) {
                errors.add(where + " is null");
            }
            return;
        }
        var type = types.stream().filter(t -> !t.equals("null")).findFirst().orElseThrow();
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> object)) {
                    errors.add(where + " is not an object");
                    return;
                }
                var properties =
                        schema.get("properties") == null ? Map.<String, Object>of() : map(schema.get("properties"));
                var required = schema.get("required") == null ? List.of() : list(schema.get("required"));
                required.stream()
                        .filter(field -> !object.containsKey(field))
                        .forEach(field -> errors.add(where + "." + field + " is missing"));
                object.forEach((key, field) -> {
                    if (properties.containsKey(key)) {
                        conforms(field, map(properties.get(key)), where + "." + key, errors);
                    } else if (schema.get("additionalProperties") instanceof Map<?, ?> additional) {
                        conforms(field, map(additional), where + "." + key, errors);
                    } else {
                        errors.add(where + "." + key + " is not documented");
                    }
                });
            }
            case "array" -> {
                if (!(value instanceof List<?> array)) {
                    errors.add(where + " is not an array");
                    return;
                }
                for (int i = 0; i < array.size(); i++) {
                    conforms(array.get(i), map(schema.get("items")), where + "[" + i + "]", errors);
                }
            }
            case "string" -> {
                if (!(value instanceof String text)) {
                    errors.add(where + " is not a string");
                } else if ("date-time".equals(schema.get("format")) && !isDateTime(text)) {
                    errors.add(where + " is not a date-time: " + text);
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    errors.add(where + " is not an integer");
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    errors.add(where + " is not a number");
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    errors.add(where + " is not a boolean");
                }
            }
            default -> errors.add(where + " has a schema type this test does not know: " + type);
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code node} itself, or what its {@code $ref} points at (within this description). */
    public Map<String, Object> resolve(Map<String, Object> node) {
        var current = node;
        while (current != null && current.get("$ref") instanceof String ref) {
            Object target = root;
            for (var part : ref.substring(2).split("/")) {
                target = map(target).get(part);
            }
            current = map(target);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node) {
        return (List<Object>) node;
    }
}

package dk.trialport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    map(root.get("paths")).forEach((path, item) -> map(item).forEach((method, spec) -> {
      if (List.of("get", "put", "post", "patch", "delete", "head", "options").contains(method)) {
        operations.add(new Operation(path, method, map(spec)));
      }
    }));
    return operations;
  }

  public Operation operation(String path, String method) {
    return operations().stream().filter(o -> o.path().equals(path) && o.method().equals(method)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + method + " " + path));
  }

  /** The operation's parameters, each resolved. */
  public List<Map<String, Object>> parameters(Operation operation) {
    var parameters = operation.spec().get("parameters");
    return parameters == null ? List.of() : list(parameters).stream().map(p -> resolve(map(p))).toList();
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

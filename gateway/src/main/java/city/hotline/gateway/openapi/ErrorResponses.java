package city.hotline.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The errors every part of the API answers alike (SPEC §7): RFC 9457 {@code application/problem+json}, with an
 * {@code errors} list of {field, message} when the request broke a rule. Open311's paths answer in GeoReport v2's
 * own format ({@code [{code, description}]}, XML {@code <errors>}), or problem+json when the client asks for it.
 * Declared once under components and named by each operation that can meet them.
 */
final class ErrorResponses {
  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM = "Problem";
  static final String FIELD_PROBLEM = "FieldProblem";
  static final String OPEN311_ERRORS = "Open311Errors";
  private static final String OPEN311_PREFIX = "Open311";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Status → (component name, description). */
  private static final Map<String, String[]> RESPONSES = new LinkedHashMap<>();

  static {
    RESPONSES.put("400", new String[] {"BadRequest", "请求有误 (invalid request): 列出每个字段及其违反的规则"});
    RESPONSES.put("401", new String[] {"Unauthorized", "未登录或令牌无效 (no valid bearer token)"});
    RESPONSES.put("403", new String[] {"Forbidden", "无权限 (the caller's role, or api_key, may not do this)"});
    RESPONSES.put("404", new String[] {"NotFound", "不存在 (no such resource)"});
    RESPONSES.put("409", new String[] {"Conflict", "状态冲突 (not allowed in the state the resource is in)"});
    RESPONSES.put("429", new String[] {"TooManyRequests", "请求过于频繁 (too many requests): 按 Retry-After 秒后重试"});
  }

  private ErrorResponses() {}

  /** Adds the problem schemas and the shared responses, in both families, to the document's components. */
  static void declare(ObjectNode components) {
    ObjectNode schemas = components.withObject("schemas");
    schemas.set(FIELD_PROBLEM, fieldProblem());
    schemas.set(PROBLEM, problem());
    schemas.set(OPEN311_ERRORS, open311Errors());
    ObjectNode responses = components.withObject("responses");
    RESPONSES.forEach((status, named) -> {
      ObjectNode response = responses.putObject(named[0]).put("description", named[1]);
      response.putObject("content").putObject(PROBLEM_JSON).putObject("schema").put("$ref", ref(PROBLEM));
      ObjectNode open311 = responses.putObject(OPEN311_PREFIX + named[0]).put("description", named[1]);
      ObjectNode content = open311.putObject("content");
      content.putObject("application/json").putObject("schema").put("$ref", ref(OPEN311_ERRORS));
      content.putObject("application/xml").putObject("schema").put("$ref", ref(OPEN311_ERRORS));
      content.putObject(PROBLEM_JSON).putObject("schema").put("$ref", ref(PROBLEM));
    });
  }

  /**
   * The errors an operation can meet: 400 when it takes input, 401/403 behind a token, 404 for a named resource,
   * 409 for a change to a named resource (a step it cannot take in the state it is in), and those the contract's
   * document lists for it ({@code errors}: e.g. the citizens' 404 and 429). A service's own description of the same
   * status is replaced, so all read alike.
   */
  static void addTo(ObjectNode operation, String method, String path, Access access, JsonNode listed) {
    boolean open311 = ContractPaths.hasFormat(path);
    String resource = open311 ? path.substring(0, path.lastIndexOf('.')) : path;
    boolean named = ContractPaths.hasVariable(resource);
    boolean change = !"get".equals(method) && !"head".equals(method);
    Set<String> statuses = new TreeSet<>();
    if (operation.has("requestBody") || operation.path("parameters").size() > 0 || named) {
      statuses.add("400");
    }
    if (!access.open()) {
      statuses.addAll(Set.of("401", "403"));
    }
    if (named) {
      statuses.add("404");
    }
    if (change && !access.open() && named) {
      statuses.add("409");
    }
    listed.forEach(status -> statuses.add(status.asString()));
    ObjectNode responses = operation.withObject("responses");
    for (String status : statuses) {
      String[] response = RESPONSES.get(status);
      if (response == null) {
        throw new IllegalStateException("no shared response for status " + status + " (" + method + " " + path + ")");
      }
      responses.putObject(status).put("$ref", "#/components/responses/" + (open311 ? OPEN311_PREFIX : "")
          + response[0]);
    }
  }

  private static String ref(String schema) {
    return SchemaNames.PREFIX + schema;
  }

  private static ObjectNode fieldProblem() {
    ObjectNode schema = NODES.objectNode().put("type", "object");
    schema.putArray("required").add("field").add("message");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("field").put("type", "string").put("description", "请求中的字段名 (the request's field)");
    properties.putObject("message").put("type", "string").put("description", "违反的规则 (the rule it broke)");
    return schema;
  }

  private static ObjectNode problem() {
    ObjectNode schema = NODES.objectNode().put("type", "object")
        .put("description", "RFC 9457 problem details");
    schema.putArray("required").add("status").add("title");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("type").put("type", "string").put("format", "uri").put("default", "about:blank");
    properties.putObject("title").put("type", "string");
    properties.putObject("status").put("type", "integer");
    properties.putObject("detail").put("type", "string");
    properties.putObject("instance").put("type", "string").put("format", "uri");
    properties.putObject("errors").put("type", "array")
        .put("description", "仅校验失败时 (validation failures only)")
        .putObject("items").put("$ref", ref(FIELD_PROBLEM));
    return schema;
  }

  /** GeoReport v2's errors: {@code [{"code": 400, "description": "…"}]}, in XML {@code <errors><error>…}. */
  private static ObjectNode open311Errors() {
    ObjectNode schema = NODES.objectNode().put("type", "array")
        .put("description", "Open311 GeoReport v2 errors; each description names the field and the rule");
    schema.putObject("xml").put("name", "errors").put("wrapped", true);
    ObjectNode error = schema.putObject("items").put("type", "object");
    error.putObject("xml").put("name", "error");
    error.putArray("required").add("code").add("description");
    ObjectNode properties = error.putObject("properties");
    properties.putObject("code").put("type", "integer");
    properties.putObject("description").put("type", "string");
    return schema;
  }
}

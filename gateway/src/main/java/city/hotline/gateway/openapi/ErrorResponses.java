package city.hotline.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The errors every part of the API answers alike (SPEC §7): RFC 9457 {@code application/problem+json}, with an
 * {@code errors} list of {field, message} when the request broke a rule. Declared once under components and named
 * by each operation that can meet them.
 */
final class ErrorResponses {
  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM = "Problem";
  static final String FIELD_PROBLEM = "FieldProblem";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Status → (component name, description). */
  private static final Map<String, String[]> RESPONSES = new LinkedHashMap<>();

  static {
    RESPONSES.put("400", new String[] {"BadRequest", "请求有误 (invalid request): errors 列出每个字段及其违反的规则"});
    RESPONSES.put("401", new String[] {"Unauthorized", "未登录或令牌无效 (no valid bearer token)"});
    RESPONSES.put("403", new String[] {"Forbidden", "无权限 (the caller's role may not do this)"});
    RESPONSES.put("404", new String[] {"NotFound", "不存在 (no such resource)"});
    RESPONSES.put("409", new String[] {"Conflict", "状态冲突 (not allowed in the state the resource is in)"});
  }

  private ErrorResponses() {}

  /** Adds the problem schemas and the shared responses to the document's components. */
  static void declare(ObjectNode components) {
    ObjectNode schemas = components.withObject("schemas");
    schemas.set(FIELD_PROBLEM, fieldProblem());
    schemas.set(PROBLEM, problem());
    ObjectNode responses = components.withObject("responses");
    RESPONSES.forEach((status, named) -> {
      ObjectNode response = responses.putObject(named[0]);
      response.put("description", named[1]);
      response.putObject("content").putObject(PROBLEM_JSON).putObject("schema")
          .put("$ref", SchemaNames.PREFIX + PROBLEM);
    });
  }

  /**
   * The errors an operation can meet: 400 when it takes input, 401/403 behind a token, 404 for a named resource,
   * 409 for a change to a named resource (a step it cannot take in the state it is in). A service's own description of the same status is replaced, so all read alike.
   */
  static void addTo(ObjectNode operation, String method, String path, Access access) {
    ObjectNode responses = operation.withObject("responses");
    boolean takesInput = operation.has("requestBody") || operation.path("parameters").size() > 0
        || ContractPaths.hasVariable(path);
    boolean change = !"get".equals(method) && !"head".equals(method);
    if (takesInput) {
      refer(responses, "400");
    }
    if (!access.open()) {
      refer(responses, "401");
      refer(responses, "403");
    }
    if (ContractPaths.hasVariable(path) && !ContractPaths.hasFormat(path)) {
      refer(responses, "404");
    }
    if (change && !access.open() && ContractPaths.hasVariable(path)) {
      refer(responses, "409");
    }
  }

  private static void refer(ObjectNode responses, String status) {
    responses.putObject(status).put("$ref", "#/components/responses/" + RESPONSES.get(status)[0]);
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
        .putObject("items").put("$ref", SchemaNames.PREFIX + FIELD_PROBLEM);
    return schema;
  }
}

package city.hotline.gateway.openapi;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One OpenAPI 3.1 document for the API as the gateway serves it: the gateway's own operations and each service's,
 * each kept only where the gateway's routes send that path to that service (so a service's internal paths, its
 * own {@code /v3/api-docs} and the actuator never appear), each saying who may call it and the errors it answers.
 */
final class ContractMerge {
  static final String GATEWAY = "gateway";
  static final String OPENAPI_VERSION = "3.1.0";
  static final String BEARER = "bearer";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Who the gateway lets call {@code method} on a concrete path. */
  @FunctionalInterface
  interface Doors {
    Access access(String method, String path);
  }

  /**
   * @param info the document's {@code info} (title, version, description)
   * @param routeFor the service the gateway sends a concrete path to, empty for the gateway's own paths
   * @param doors who may call what
   * @param examples by {@code "METHOD /path"}: a request body example ({@code summary}, {@code value})
   * @param errors by {@code "METHOD /path"}: statuses an operation answers beyond those its shape tells
   * @param parameters by {@code "METHOD /path"}: the query arguments a handler reads from a map (springdoc shows such a
   *     map as one required object), each replacing a same-named one springdoc wrote; and {@code requestBody}: a body
   *     springdoc cannot see (a form read from that map)
   * @param created by {@code "METHOD /path"}: {@code "201"} for a handler that answers 201 Created where springdoc
   *     writes 200 (a {@code ResponseEntity} it cannot look into), {@code "200/201"} for an upsert that answers either
   */
  record Inputs(JsonNode info, Function<String, Optional<String>> routeFor, Doors doors, JsonNode examples,
      JsonNode errors, JsonNode parameters, JsonNode created) {}

  /** An upsert: 201 when it made the resource, 200 when it changed it. */
  static final String CREATED_OR_UPDATED = "200/201";

  private ContractMerge() {}

  /**
   * @param gatewayDoc the gateway's own document (springdoc)
   * @param serviceDocs each service's document by its route id; they are changed (schema references renamed)
   */
  static ObjectNode merge(Inputs inputs, JsonNode gatewayDoc, Map<String, JsonNode> serviceDocs) {
    ObjectNode contract = NODES.objectNode();
    contract.put("openapi", OPENAPI_VERSION);
    contract.set("info", inputs.info().deepCopy());
    contract.putArray("servers").addObject().put("url", "/").put("description", "网关 the gateway");
    contract.putArray("security").addObject().putArray(BEARER);
    ObjectNode components = NODES.objectNode();
    ObjectNode schemas = components.putObject("schemas");
    Map<String, ObjectNode> paths = new TreeMap<>();
    Set<String> operationIds = new HashSet<>();
    SchemaNames.adopt(GATEWAY, gatewayDoc, schemas);
    take(inputs, GATEWAY, gatewayDoc, paths, operationIds);
    serviceDocs.forEach((service, doc) -> {
      SchemaNames.adopt(service, doc, schemas);
      take(inputs, service, doc, paths, operationIds);
    });
    contract.putObject("paths").setAll(paths);
    components.putObject("securitySchemes").putObject(BEARER)
        .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
        .put("description", "POST /api/auth/login 得到的 token (the token from sign-in)");
    ErrorResponses.declare(components);
    contract.set("components", components);
    return contract;
  }

  /** The operations of one document whose paths the gateway sends to {@code service} (none: the gateway's own). */
  private static void take(Inputs inputs, String service, JsonNode doc, Map<String, ObjectNode> paths,
      Set<String> operationIds) {
    for (Map.Entry<String, JsonNode> item : doc.path("paths").properties()) {
      String path = item.getKey();
      String sample = ContractPaths.sample(path);
      String owner = inputs.routeFor().apply(sample).orElse(GATEWAY);
      if (!owner.equals(service)) {
        continue;
      }
      String contractPath = ContractPaths.formatOf(path, doc.path("paths")::has);
      ObjectNode target = paths.computeIfAbsent(contractPath, p -> NODES.objectNode());
      for (String method : ContractPaths.METHODS) {
        JsonNode operation = item.getValue().get(method);
        if (operation instanceof ObjectNode op && !target.has(method)) {
          target.set(method, describe(inputs, service, method, contractPath, sample, op));
          uniqueOperationId(service, op, operationIds);
        }
      }
    }
  }

  private static ObjectNode describe(Inputs inputs, String service, String method, String path, String sample,
      ObjectNode operation) {
    Access access = inputs.doors().access(method.toUpperCase(), sample);
    operation.put("x-service", service);
    ArrayNode roles = operation.putArray("x-roles");
    access.roles().forEach(roles::add);
    operation.put("x-public", access.open());
    String described = operation.path("description").asString("");
    operation.put("description", access.describe() + (described.isBlank() ? "" : "\n\n" + described));
    dropAuthorizationHeader(operation);
    ArrayNode security = operation.putArray("security");
    if (!access.open()) {
      security.addObject().putArray(BEARER);
    }
    String key = method.toUpperCase() + " " + path;
    dropMapParameters(operation);
    if (ContractPaths.hasFormat(path)) {
      declareFormat(operation);
    }
    declareParameters(operation, forOperation(inputs.parameters(), key));
    JsonNode created = forOperation(inputs.created(), key);
    if (created != null) {
      answersCreated(operation, CREATED_OR_UPDATED.equals(created.asString("")));
    }
    JsonNode listed = forOperation(inputs.errors(), key);
    ErrorResponses.addTo(operation, method, path, access, listed == null ? NODES.arrayNode() : listed);
    JsonNode example = forOperation(inputs.examples(), key);
    if (example != null && operation.path("requestBody").path("content").get("application/json")
        instanceof ObjectNode body) {
      body.putObject("examples").set("spec", example.deepCopy());
    }
    return operation;
  }

  /** What the document writes for {@code "METHOD /path"}, whatever its path variables are called. */
  private static JsonNode forOperation(JsonNode byOperation, String operation) {
    String wanted = ContractPaths.anyVariableNames(operation);
    for (Map.Entry<String, JsonNode> example : byOperation.properties()) {
      if (ContractPaths.anyVariableNames(example.getKey()).equals(wanted)) {
        return example.getValue();
      }
    }
    return null;
  }

  /**
   * OpenAPI wants each operationId unique in the document, and springdoc makes them unique only within one service
   * ({@code list} in three of them): a taken id gets the service's name in front.
   */
  private static void uniqueOperationId(String service, ObjectNode operation, Set<String> taken) {
    String id = operation.path("operationId").asString("");
    if (id.isEmpty()) {
      return;
    }
    String unique = id;
    for (int n = 2; !taken.add(unique); n++) {
      unique = service + "_" + id + (n == 2 ? "" : "_" + n);
    }
    operation.put("operationId", unique);
  }

  /** A map-bound {@code @RequestParam} is an object in the query to springdoc: not what a caller sends. */
  private static void dropMapParameters(ObjectNode operation) {
    if (operation.get("parameters") instanceof ArrayNode parameters) {
      for (int i = parameters.size() - 1; i >= 0; i--) {
        JsonNode parameter = parameters.get(i);
        JsonNode schema = parameter.path("schema");
        if ("query".equals(parameter.path("in").asString(""))
            && ("object".equals(schema.path("type").asString("")) || schema.has("$ref"))) {
          parameters.remove(i);
        }
      }
    }
  }

  /** The arguments contract.json lists for the operation, each in place of a same-named one springdoc wrote. */
  private static void declareParameters(ObjectNode operation, JsonNode declared) {
    if (declared == null) {
      return;
    }
    ArrayNode parameters = operation.withArray("parameters");
    for (JsonNode parameter : declared.path("query")) {
      String name = parameter.path("name").asString("");
      for (int i = parameters.size() - 1; i >= 0; i--) {
        if (name.equals(parameters.get(i).path("name").asString(""))
            && "query".equals(parameters.get(i).path("in").asString(""))) {
          parameters.remove(i);
        }
      }
      ObjectNode copy = parameters.addObject().put("name", name).put("in", "query");
      copy.setAll((ObjectNode) parameter.deepCopy());
    }
    if (declared.has("requestBody")) {
      operation.set("requestBody", declared.get("requestBody").deepCopy());
    }
  }

  /** 201 with what springdoc wrote for 200, in its place or beside it. */
  private static void answersCreated(ObjectNode operation, boolean orUpdated) {
    if (!(operation.get("responses") instanceof ObjectNode responses) || !responses.has("200")) {
      return;
    }
    ObjectNode reordered = NODES.objectNode();
    for (Map.Entry<String, JsonNode> response : responses.properties()) {
      if (!"200".equals(response.getKey())) {
        reordered.set(response.getKey(), response.getValue());
        continue;
      }
      ObjectNode ok = (ObjectNode) response.getValue();
      if (orUpdated) {
        reordered.set("200", ok.deepCopy().put("description", "OK (updated)"));
      }
      reordered.set("201", ok.deepCopy().put("description", "Created"));
    }
    operation.set("responses", reordered);
  }

  /** The bearer token is the security scheme's; OpenAPI ignores an Authorization header parameter anyway. */
  private static void dropAuthorizationHeader(ObjectNode operation) {
    if (operation.get("parameters") instanceof ArrayNode parameters) {
      for (int i = parameters.size() - 1; i >= 0; i--) {
        JsonNode parameter = parameters.get(i);
        if ("header".equals(parameter.path("in").asString(""))
            && HttpHeaders.AUTHORIZATION.equalsIgnoreCase(parameter.path("name").asString(""))) {
          parameters.remove(i);
        }
      }
    }
  }

  /** {@code .{format}}: json or xml, as the Open311 GeoReport v2 paths are written. */
  private static void declareFormat(ObjectNode operation) {
    ArrayNode parameters = operation.withArray("parameters");
    ObjectNode format = null;
    for (JsonNode parameter : parameters) {
      if (ContractPaths.FORMAT_PARAMETER.equals(parameter.path("name").asString(""))
          && "path".equals(parameter.path("in").asString("")) && parameter instanceof ObjectNode declared) {
        format = declared;
      }
    }
    if (format == null) {
      format = parameters.addObject().put("name", ContractPaths.FORMAT_PARAMETER).put("in", "path");
    }
    format.put("required", true).put("description", "json 或 xml (GeoReport v2)");
    ArrayNode choices = format.putObject("schema").put("type", "string").putArray("enum");
    ContractPaths.FORMATS.forEach(choices::add);
  }
}

package city.hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import city.hotline.gateway.identity.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class ValidationProblemsTest {
  record RoleChange(List<Role> roles) {}

  private static List<Object> errors(String body) {
    JacksonException unreadable = catchThrowableOfType(JacksonException.class,
        () -> JsonMapper.builder().build().readValue(body, RoleChange.class));
    ProblemDetail problem = new ValidationProblems().unreadable(new HttpMessageNotReadableException("unreadable",
        unreadable, new MockHttpInputMessage(body.getBytes()))).getBody();
    return List.copyOf((List<?>) problem.getProperties().get("errors"));
  }

  @Test
  void anUnknownRoleIsNamedByItsPlaceWithTheAllowedRoles() {
    assertThat(errors("{\"roles\":[\"OPERATOR\",\"BOSS\"]}")).containsExactly(Map.of("field", "roles[1]",
        "message", "must be one of OPERATOR, DISPATCHER, BUREAU, LEADER, ADMIN, KNOWLEDGE_EDITOR, not \"BOSS\""));
  }

  @Test
  void aValueOfAnotherKindIsAWrongTypeAndABrokenBodyIsNotJson() {
    assertThat(errors("{\"roles\":\"OPERATOR\"}"))
        .containsExactly(Map.of("field", "roles", "message", "has a value of the wrong type or format"));
    assertThat(errors("{\"roles\":")).containsExactly(Map.of("field", "body", "message", "is missing or is not valid JSON"));
  }
}

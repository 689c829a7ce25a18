package city.hotline.support.security;

/** The roles of SPEC §1, as they appear in the token's {@code roles} claim. */
public enum Role {
  OPERATOR, // 接线员
  DISPATCHER, // 派单员
  BUREAU, // 承办单位 staff, scoped to one unit
  LEADER, // 领导 / 督办室: reads, never changes
  ADMIN, // 系统管理员
  KNOWLEDGE_EDITOR // 知识库管理员: writes, publishes and retires knowledge articles
}

package city.hotline.gateway.identity;

/** The roles of SPEC §1. */
public enum Role {
  OPERATOR, // 接线员
  DISPATCHER, // 派单员
  BUREAU, // 承办单位 staff, scoped to one unit
  LEADER, // 领导 / 督办室
  ADMIN, // 系统管理员
  KNOWLEDGE_EDITOR // 知识库管理员: writes, publishes and retires knowledge articles
}

package city.hotline.gateway.openapi;

import java.util.List;

/**
 * Who the gateway lets call an operation: anyone (no token), or the signed-in users of these roles.
 *
 * @param open no token needed
 * @param roles the roles whose token passes; every role when any signed-in user may call it
 * @param everyRole whether the roles are all there are (then "any signed-in user" says it better)
 */
record Access(boolean open, List<String> roles, boolean everyRole) {

  /** One line for the operation's description, Chinese first. */
  String describe() {
    if (open) {
      return "权限 Access: 公开，无需登录 (public: no token)";
    }
    if (roles.isEmpty()) {
      return "权限 Access: 网关不放行任何角色 (closed at the gateway for every role)";
    }
    if (everyRole) {
      return "权限 Access: 任何已登录用户 (any signed-in user)";
    }
    return "权限 Access: 角色 roles " + String.join(", ", roles);
  }
}

package city.hotline.gateway.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Seeds the demo accounts listed in the README when they do not exist yet (HOTLINE_SEED_DEMO_USERS=false turns it off). */
@Component
class DemoUsers implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
  private final UserRepository users;
  private final IdentitySettings settings;
  private final PasswordEncoder passwords;

  DemoUsers(UserRepository users, IdentitySettings settings, PasswordEncoder passwords) {
    this.users = users;
    this.settings = settings;
    this.passwords = passwords;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!settings.seedDemoUsers() || settings.demoUsers() == null) {
      return;
    }
    String hash = passwords.encode(settings.demoPassword());
    int created = 0;
    for (IdentitySettings.DemoUser demo : settings.demoUsers()) {
      if (users.find(demo.username()).isEmpty() && users.insert(new UserAccount(demo.username(),
          demo.displayName(), hash, demo.roles(), demo.unitId(), demo.unitName(), true, 0))) {
        created++;
      }
    }
    if (created > 0) {
      log.info("seeded {} demo users", created);
    }
  }
}

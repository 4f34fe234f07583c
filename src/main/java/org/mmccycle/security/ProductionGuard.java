package org.mmccycle.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The production profile refuses to start without an administrator password from the environment
 * (MMC_ADMIN_PASSWORD), and refuses the demo profile beside it. Runs before any bean is made.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

  static final int MIN_PASSWORD_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("production"))) {
      return;
    }
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      throw new IllegalStateException("The production profile cannot run with the demo profile (demo users, password \"demo\").");
    }
    String password = environment.getProperty("MMC_ADMIN_PASSWORD");
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("The production profile needs the administrator's password in the environment variable MMC_ADMIN_PASSWORD.");
    }
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException("MMC_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
  }
}

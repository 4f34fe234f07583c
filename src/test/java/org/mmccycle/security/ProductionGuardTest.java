package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmccycle.MmcCycleApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** The production profile needs MMC_ADMIN_PASSWORD, and never runs with the demo profile. */
class ProductionGuardTest {

  private final ProductionGuard guard = new ProductionGuard();

  @Test
  void shouldRefuseToStartTheApplicationInProductionWithoutAdminPassword() {
    SpringApplicationBuilder production = new SpringApplicationBuilder(MmcCycleApplication.class)
        .profiles("production")
        .properties("MMC_ADMIN_PASSWORD=", "spring.main.web-application-type=none");

    assertThatThrownBy(production::run).hasStackTraceContaining("MMC_ADMIN_PASSWORD");
  }

  @Test
  void shouldRefuseProductionWithoutAdminPassword() {
    var environment = new MockEnvironment();
    environment.setActiveProfiles("production");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("MMC_ADMIN_PASSWORD");
  }

  @Test
  void shouldRefuseProductionWithAShortAdminPassword() {
    var environment = new MockEnvironment().withProperty("MMC_ADMIN_PASSWORD", "short");
    environment.setActiveProfiles("production");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("at least 12 characters");
  }

  @Test
  void shouldRefuseProductionTogetherWithDemo() {
    var environment = new MockEnvironment().withProperty("MMC_ADMIN_PASSWORD", "a-long-enough-password");
    environment.setActiveProfiles("production", "demo");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("demo");
  }

  @Test
  void shouldLetProductionStartWithALongAdminPasswordAndOtherProfilesAlways() {
    var production = new MockEnvironment().withProperty("MMC_ADMIN_PASSWORD", "a-long-enough-password");
    production.setActiveProfiles("production");
    var demo = new MockEnvironment();
    demo.setActiveProfiles("demo");

    assertThatCode(() -> guard.postProcessEnvironment(production, new SpringApplication())).doesNotThrowAnyException();
    assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
  }
}

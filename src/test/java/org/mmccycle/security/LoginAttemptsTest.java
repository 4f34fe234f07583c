package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

  private static final String ATTACKER = "203.0.113.7";
  private static final String OFFICE = "198.51.100.20";

  private final LoginAttempts attempts = new LoginAttempts(new org.mmccycle.engine.EngineClock(java.time.ZoneOffset.UTC));
  private Instant now = Instant.parse("2026-12-02T09:00:00Z");

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theFirstWrongPasswordsCostNothingThenTheAddressPausesDoublingUpToFifteenMinutes() {
    for (int i = 0; i < LoginAttempts.FREE_ATTEMPTS; i++) {
      attempts.failed("admin", ATTACKER);
    }
    assertThat(attempts.pause("admin", ATTACKER)).isEmpty();

    attempts.failed("admin", ATTACKER);
    assertThat(attempts.pause("admin", ATTACKER)).contains(Duration.ofSeconds(30));
    attempts.failed("admin", ATTACKER);
    assertThat(attempts.pause("admin", ATTACKER)).contains(Duration.ofSeconds(60));
    for (int i = 0; i < 40; i++) {
      attempts.failed("admin", ATTACKER);
    }
    assertThat(attempts.pause("admin", ATTACKER)).contains(LoginAttempts.MAX_PAUSE);
  }

  @Test
  void wrongPasswordsFromOneAddressNeverStopTheUserElsewhere() {
    for (int i = 0; i < 100; i++) {
      attempts.failed("admin", ATTACKER);
    }

    assertThat(attempts.pause("admin", ATTACKER)).isPresent();
    assertThat(attempts.pause("admin", OFFICE)).isEmpty();
    assertThat(attempts.pause("sam", ATTACKER)).isEmpty();
  }

  @Test
  void noNumberOfTriesLocksForGood() {
    for (int i = 0; i < 1000; i++) {
      attempts.failed("admin", ATTACKER);
    }

    ClockUtil.setCurrentTime(Date.from(now.plus(LoginAttempts.MAX_PAUSE).plusSeconds(1)));
    assertThat(attempts.pause("admin", ATTACKER)).isEmpty();
  }

  @Test
  void theRightPasswordOrAnAdministratorsUnlockStartsTheCountAgain() {
    for (int i = 0; i < 6; i++) {
      attempts.failed("admin", ATTACKER);
      attempts.failed("admin", OFFICE);
    }
    attempts.succeeded("admin", OFFICE);
    assertThat(attempts.pause("admin", OFFICE)).isEmpty();
    assertThat(attempts.pause("admin", ATTACKER)).isPresent();

    attempts.forget("admin");
    assertThat(attempts.pause("admin", ATTACKER)).isEmpty();
  }

  @Test
  void remembersABoundedNumberOfAddresses() {
    for (int i = 0; i < LoginAttempts.MAX_ENTRIES + 500; i++) {
      for (int j = 0; j <= LoginAttempts.FREE_ATTEMPTS; j++) {
        attempts.failed("user" + i, ATTACKER);
      }
    }

    assertThat(attempts.pause("user0", ATTACKER)).as("the oldest is forgotten").isEmpty();
    assertThat(attempts.pause("user" + (LoginAttempts.MAX_ENTRIES + 499), ATTACKER)).isPresent();
  }
}

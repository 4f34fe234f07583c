package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.mmccycle.ApiClient;
import org.mmccycle.MmcSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16, item 4: anyone could lock out a named account (one wrong password a second locked it for
 * good). Wrong passwords now pause only the address they come from, for a while, whatever door they
 * come through; the account itself is never locked.
 */
class LoginLockoutTest extends MmcSpringBootTest {

  private static final String PASSWORD = "the-right-s3cret";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  @Test
  void wrongPasswordsPauseTheirAddressOnlyAndNeverLockTheAccount() {
    String admin = fixture.user("lockadmin", MmcGroups.SERVICE_MANAGERS, PASSWORD);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-03T09:00:00Z")));

    for (int i = 0; i < 20; i++) {
      assertThat(ApiClient.basic(port, admin, "guess-" + i).get("/engine-rest/task/count").status()).isEqualTo(401);
      assertThat(ApiClient.basic(port, admin, "guess-" + i).get("/api/clients").status()).isEqualTo(401);
    }
    ApiClient.Response paused = ApiClient.basic(port, admin, PASSWORD).get("/engine-rest/task/count");

    assertThat(paused.status()).as("the right password, from the guessing address, while it pauses").isEqualTo(401);
    assertThat(paused.body()).contains("pause");
    assertThat(identity.checkPassword(admin, PASSWORD)).as("the same user from elsewhere (here: the engine itself)").isTrue();
    assertThat(jdbc.sql("select coalesce(ATTEMPTS_, 0) from ACT_ID_USER where ID_ = ?").param(admin).query(Integer.class).single())
        .as("Camunda's own lock-out counter").isZero();
    assertThat(jdbc.sql("select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?").param(admin).query(Date.class).optional()).isEmpty();

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-03T09:16:00Z")));
    assertThat(ApiClient.basic(port, admin, PASSWORD).get("/engine-rest/task/count").status())
        .as("after the longest pause, the right password works from that address too").isEqualTo(200);
  }
}

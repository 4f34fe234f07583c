package org.mmccycle.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmccycle.ApiClient;

/**
 * Issue 16, item 6, as an operator meets it: the packaged jar started with the production profile.
 * A changed MMC_ADMIN_PASSWORD is the administrator's password after the restart (the old one no
 * longer works, and the log says that it changed, never what to); MMC_DEMO_ENABLED=true makes no
 * demo users.
 */
class ProductionStartIT {

  private static final String FIRST = "first-admin-s3cret";
  private static final String SECOND = "second-admin-s3cret";

  @Test
  void appliesTheAdministratorsPasswordOnEveryStartAndNeverMakesDemoUsers() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "production-");

    PackagedApp first = PackagedApp.start(dir, production(FIRST));
    try {
      assertThat(ApiClient.basic(first.port(), "admin", FIRST).get("/engine-rest/user/count").body()).isEqualTo("{\"count\":1}");
      for (String demo : List.of("demo", "tina", "sam", "alex")) {
        assertThat(ApiClient.basic(first.port(), demo, "demo").get("/engine-rest/task/count").status()).as(demo).isEqualTo(401);
      }
    } finally {
      first.stop();
    }

    PackagedApp second = PackagedApp.start(dir, production(SECOND));
    try {
      assertThat(ApiClient.basic(second.port(), "admin", SECOND).get("/engine-rest/task/count").status()).isEqualTo(200);
      assertThat(ApiClient.basic(second.port(), "admin", FIRST).get("/engine-rest/task/count").status()).isEqualTo(401);
      String log = second.log();
      assertThat(log).contains("The administrator 'admin' now has the password from MMC_ADMIN_PASSWORD");
      assertThat(log).doesNotContain(FIRST).doesNotContain(SECOND).doesNotContain("DEMO SETUP");
    } finally {
      second.stop();
    }
  }

  private static PackagedApp.Launch production(String password) {
    return new PackagedApp.Launch("production", Map.of("MMC_ADMIN_PASSWORD", password, "MMC_DEMO_ENABLED", "true"),
        "admin", password, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
  }
}

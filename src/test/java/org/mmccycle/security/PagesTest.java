package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.mmccycle.ApiClient;
import org.mmccycle.MmcSpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cycle board (/mmc/) is for service managers and process owners logged in to the web apps in the
 * same browser: no second login, no Basic dialog; the data it shows comes from /api with that session
 * (the compliance report as JSON, CSV and PDF). A browser without the login is sent to Tasklist's.
 */
class PagesTest extends MmcSpringBootTest {

  private static final String PASSWORD = "pages-secret-1";

  @LocalServerPort int port;

  @Test
  void aServiceManagerOpensTheBoardAndItsReportWithTheTasklistSession() {
    fixture.openCycle(fixture.activeClient("Board Dental"), YearMonth.of(2035, 1));
    ApiClient sam = ApiClient.webappSession(port, fixture.user("pagesam", MmcGroups.SERVICE_MANAGERS, PASSWORD), PASSWORD);

    ApiClient.Response page = sam.get("/mmc/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("MMC Cycle – cycle board", "/api/reports/compliance");

    ApiClient.Response report = sam.get("/api/reports/compliance?month=2035-01");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.body()).contains("\"clientName\":\"Board Dental\"");
    ApiClient.Response csv = sam.send("GET", "/api/reports/compliance?month=2035-01&format=csv", null, "", "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains("Board Dental");
  }

  @Test
  void theBoardIsNeitherAnonymousNorForTechnicians() {
    assertThat(ApiClient.anonymous(port).get("/mmc/").status()).as("sent to Tasklist's login").isEqualTo(302);
    ApiClient tina = ApiClient.webappSession(port, fixture.user("pagetina", MmcGroups.TECHNICIANS, PASSWORD), PASSWORD);
    assertThat(tina.get("/mmc/").status()).isEqualTo(403);
  }

  @Test
  void theWebAppsShowTheBrandsLogoEvenOnTheLoginPageAndNameItInTheirConfig() {
    ApiClient anonymous = ApiClient.anonymous(port);
    ApiClient.Response logo = anonymous.send("GET", "/brand/logo", null, "", "image/*");
    assertThat(logo.status()).as("the login page shows it").isEqualTo(200);
    assertThat(logo.body()).contains("<svg", "MMC Cycle");
    ApiClient.Response config = anonymous.send("GET", "/camunda/app/tasklist/scripts/config.js", null, "", "*/*");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).contains("vendor: \"MMC Cycle\"", "customScripts: ['scripts/mmc-links']");
    assertThat(anonymous.send("GET", "/camunda/app/nothing/scripts/config.js", null, "", "*/*").status()).isEqualTo(404);
    // one stylesheet for the four apps, the login page's included
    ApiClient.Response shared = anonymous.send("GET", "/brand/web-apps.css", null, "", "text/css");
    assertThat(shared.status()).isEqualTo(200);
    assertThat(shared.body()).contains("url('/brand/logo')", ".ce-eol-banner");
    for (String app : java.util.List.of("admin", "cockpit", "tasklist", "welcome")) {
      assertThat(anonymous.send("GET", "/camunda/app/" + app + "/styles/user-styles.css", null, "", "text/css").body())
          .as(app).contains("@import url('/brand/web-apps.css')");
    }
  }
}

package org.mmccycle.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mmccycle.ApiClient;

/**
 * kill -9 in the middle of opening a month on the default embedded H2 file database, then a restart:
 * the jobs that had not committed run again, and every client ends up with exactly one cycle.
 */
class CrashRestartIT {

  private static final int CLIENTS = 200;
  private static final String MONTH = "2031-03";

  @Test
  void shouldOpenExactlyOneCyclePerClientWhenKilledWhileOpeningAMonth() throws Exception {
    Path dir = Files.createTempDirectory("mmc-crash-it");
    AppProcess app = AppProcess.start(dir);
    StringBuilder csv = new StringBuilder("client_slug,client_name,contact,site_address,technician,device_name,device_kind\n");
    for (int i = 1; i <= CLIENTS; i++) {
      csv.append(String.format("crash-%04d,Crash %d,,,tech-%d,SRV01,server%n", i, i, i));
    }
    assertThat(app.as("sam").send("POST", "/api/import/clients", "text/csv", csv.toString()).status()).isEqualTo(200);

    var opened = app.as("sam").postJson("/api/cycles/open?month=" + MONTH, "");
    assertThat(opened.status()).as(opened.body()).isEqualTo(202);
    Node.await(Duration.ofSeconds(60), "a few cycles are open", () -> cycles(app.as("demo")) >= 5);
    app.kill();
    long openAtKill = cycles(dir);

    AppProcess restarted = AppProcess.start(dir);
    Node.await(Duration.ofSeconds(120), "the round has ended after the restart", () ->
        count(restarted.as("demo"), "/engine-rest/history/process-instance/count?processInstanceBusinessKey=round:" + MONTH + "&finished=true") == 1);
    restarted.stop();

    try (Connection db = h2(dir)) {
      long active = single(db, "select count(*) from mmc_client where active");
      System.out.printf("[crash] killed with %d of %d cycles open; after the restart: %d%n", openAtKill, active,
          single(db, "select count(*) from mmc_client_cycle where cycle_month = '" + MONTH + "'"));
      assertThat(openAtKill).as("killed mid-way").isLessThan(active);
      assertThat(single(db, "select count(*) from mmc_client_cycle where cycle_month = '" + MONTH + "'")).isEqualTo(active);
      assertThat(single(db, "select count(*) from mmc_client c where active and not exists "
          + "(select 1 from mmc_client_cycle y where y.client_slug = c.slug and y.cycle_month = '" + MONTH + "')")).as("missed").isZero();
      assertThat(single(db, "select count(*) from act_hi_procinst where proc_def_key_ = 'Process_ClientMaintenanceCycle' and business_key_ like '%:" + MONTH + "'"))
          .as("cycle instances").isEqualTo(active);
      assertThat(single(db, "select count(distinct business_key_) from act_hi_procinst where proc_def_key_ = 'Process_ClientMaintenanceCycle' and business_key_ like '%:" + MONTH + "'"))
          .as("distinct business keys").isEqualTo(active);
      assertThat(single(db, "select count(*) from act_ru_incident")).as("incidents").isZero();
    }
  }

  private static long cycles(ApiClient admin) {
    return count(admin, "/engine-rest/history/process-instance/count?processDefinitionKey=Process_ClientMaintenanceCycle&processInstanceBusinessKeyLike=%25:" + MONTH);
  }

  private static long cycles(Path dir) throws Exception {
    try (Connection db = h2(dir)) {
      return single(db, "select count(*) from mmc_client_cycle where cycle_month = '" + MONTH + "'");
    }
  }

  private static long count(ApiClient client, String path) {
    var response = client.get(path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return Long.parseLong(response.body().replaceAll("\\D", ""));
  }

  private static Connection h2(Path dir) throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/mmc-cycle"), "sa", "");
  }

  private static long single(Connection db, String sql) throws Exception {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

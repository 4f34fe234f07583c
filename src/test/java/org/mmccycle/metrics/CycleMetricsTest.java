package org.mmccycle.metrics;

import org.mmccycle.MmcSpringBootTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mmccycle.AccountabilityFixture.clockAt;
import static org.mmccycle.Http.get;
import static org.mmccycle.Http.text;

import java.time.YearMonth;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.AccountabilityFixture;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.process.CycleOpener;
import org.mmccycle.cycle.Job;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

class CycleMetricsTest extends MmcSpringBootTest {

  @LocalServerPort int port;
  @Autowired CycleMetrics metrics;
  @Autowired Bottlenecks bottlenecks;
  @Autowired CycleOpener opener;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ClientRepository clients;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  private AccountabilityFixture people;

  @BeforeEach
  void fixture() {
    people = new AccountabilityFixture(clients, identityService, jdbc);
  }

  @AfterEach
  void resetClock() {
    AccountabilityFixture.resetClock();
  }

  @Test
  void countsOpenTasksPerStageOverdueTasksPerJobAndTimePerJob() {
    var client = people.client("Old Mill Bakery", "tom", "standard");
    clockAt("2026-09-22T08:00");
    long openBefore = metrics.openTasks(Job.EXECUTE);
    long overdueBefore = metrics.overdueTasks(Job.EXECUTE);
    clockAt("2026-09-01T08:00");
    String cycle = AccountabilityFixture.openScheduled(opener, taskService, managementService, client.slug(), YearMonth.of(2026, 9));
    clockAt("2026-09-22T08:00");

    assertThat(metrics.openTasks(Job.EXECUTE)).isEqualTo(openBefore + 1);
    assertThat(metrics.overdueTasks(Job.EXECUTE)).isEqualTo(overdueBefore + 1);

    clockAt("2026-09-23T08:00"); // executed late, 22 days after the task was created
    long revisingBefore = metrics.openTasks(Job.REVISE);
    taskService.complete(taskService.createTaskQuery().processInstanceId(cycle).singleResult().getId(),
        java.util.Map.of("visitMode", "on-site"));

    assertThat(metrics.openTasks(Job.EXECUTE)).isEqualTo(openBefore);
    assertThat(metrics.openTasks(Job.REVISE)).isEqualTo(revisingBefore + 1);
    assertThat(metrics.averageDurationMillis(Job.EXECUTE)).isGreaterThan(0);
    assertThat(metrics.overdueTasks(Job.EXECUTE)).isEqualTo(overdueBefore);
  }

  @Test
  void theBottlenecksGiveEachJobsMedianAndNinetiethPercentileLateAndOverdueCountsToProcessOwnersOnly() throws Exception {
    String owner = people.user("petra", MmcGroups.PROCESS_OWNERS);
    String technician = people.user("tina", MmcGroups.TECHNICIANS);
    var client = people.client("Bottleneck Bakery", null, "standard");
    clockAt("2035-03-01T08:00");
    String cycle = AccountabilityFixture.openScheduled(opener, taskService, managementService, client.slug(), YearMonth.of(2035, 3));
    clockAt("2035-03-23T08:00"); // executed late: 22 days after the task was created, 2 days after the deadline
    taskService.complete(taskService.createTaskQuery().processInstanceId(cycle).singleResult().getId(), java.util.Map.of("visitMode", "on-site"));

    Bottlenecks.JobFigures execute = bottlenecks.lastMonths(1).jobs().stream().filter(job -> job.job().equals("execute")).findFirst().orElseThrow();

    assertThat(execute.taskDefinitionKey()).isEqualTo("Task_ExecuteChecklist");
    assertThat(execute.done()).isEqualTo(1);
    assertThat(execute.medianMillis()).isEqualTo(java.time.Duration.ofDays(22).toMillis()).isEqualTo(execute.p90Millis());
    assertThat(execute.late()).isEqualTo(1);
    assertThat(bottlenecks.lastMonths(1).from()).isEqualTo("2035-03");
    assertThat(get(port, "/api/metrics/bottlenecks?months=1", technician, "secret-" + technician, null).statusCode()).isEqualTo(403);
    var answer = get(port, "/api/metrics/bottlenecks?months=1", owner, "secret-" + owner, null);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(text(answer)).contains("\"taskDefinitionKey\":\"Task_ExecuteChecklist\"", "\"late\":1");
    assertThat(get(port, "/api/metrics/bottlenecks?months=0", owner, "secret-" + owner, null).statusCode()).isEqualTo(400);
  }

  @Test
  void aPercentileIsTheNearestRankOfTheTimesDone() {
    var times = new org.mmccycle.cycle.JobRecords.JobTimes(java.util.List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 0);
    assertThat(times.percentile(0.5)).isEqualTo(5L);
    assertThat(times.percentile(0.9)).isEqualTo(9L);
    assertThat(new org.mmccycle.cycle.JobRecords.JobTimes(java.util.List.of(), 0).percentile(0.5)).isNull();
  }

  @Test
  void prometheusAnswersNobodyAnonymouslyAndOnlyThoseWhoWatchTheProcess() throws Exception {
    String owner = people.user("petra", MmcGroups.PROCESS_OWNERS);
    String technician = people.user("tina", MmcGroups.TECHNICIANS);

    assertThat(get(port, "/actuator/prometheus", null, null, null).statusCode()).isEqualTo(401);
    assertThat(get(port, "/actuator/health", null, null, null).statusCode()).isEqualTo(401);
    assertThat(get(port, "/actuator/prometheus", technician, "secret-" + technician, null).statusCode()).isEqualTo(403);

    var scrape = get(port, "/actuator/prometheus", owner, "secret-" + owner, null);

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(text(scrape)).contains(
        "mmc_cycle_open_tasks{stage=\"Task_ExecuteChecklist\"}",
        "mmc_tasks_overdue{job=\"execute\"}",
        "mmc_job_duration_average_seconds{job=\"file\"}");
    assertThat(get(port, "/actuator/health", owner, "secret-" + owner, null).statusCode()).isEqualTo(200);
    assertThat(get(port, "/actuator/metrics/mmc.tasks.overdue", owner, "secret-" + owner, null).statusCode()).isEqualTo(200);
    // last: a wrong password makes Camunda hold the user's logins back for a few seconds
    assertThat(get(port, "/actuator/prometheus", owner, "wrong", null).statusCode()).isEqualTo(401);
  }
}

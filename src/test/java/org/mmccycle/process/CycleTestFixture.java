package org.mmccycle.process;

import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.CycleMonth;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.checklist.RevisionItem;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.client.ContractClient;
import org.mmccycle.client.Device;
import org.mmccycle.client.DeviceKind;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Given/when helpers that the engine tests share: clients with devices (slugs unique per test and per
 * run, so tests stay independent in the shared database and temp folders), cycles opened through
 * {@link CycleOpener}, the engine clock set in the firm's zone, jobs executed by hand, tasks completed
 * by a named user.
 */
public class CycleTestFixture {

  /** Registers the fixture in the shared test context. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {

    @Bean
    CycleTestFixture cycleTestFixture(ClientRepository clients, CycleOpener opener, RuntimeService runtimeService,
        TaskService taskService, ManagementService managementService, HistoryService historyService,
        ChecklistJson checklistJson, JdbcClient jdbc, CycleCalendar clock, IdentityService identityService,
        ChecklistRevisions revisions) {
      return new CycleTestFixture(clients, opener, runtimeService, taskService, managementService, historyService,
          checklistJson, jdbc, clock.zone(), identityService, revisions);
    }
  }

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  /** Differs from run to run: the publish and archive folders outlive the JVM. */
  private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

  private final ClientRepository clients;
  private final CycleOpener opener;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final ChecklistJson checklistJson;
  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final IdentityService identityService;
  private final ChecklistRevisions revisions;

  CycleTestFixture(ClientRepository clients, CycleOpener opener, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, HistoryService historyService, ChecklistJson checklistJson, JdbcClient jdbc,
      ZoneId zone, IdentityService identityService, ChecklistRevisions revisions) {
    this.identityService = identityService;
    this.revisions = revisions;
    this.clients = clients;
    this.opener = opener;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.checklistJson = checklistJson;
    this.jdbc = jdbc;
    this.zone = zone;
  }

  // ---- clients -------------------------------------------------------------------------------

  /** An active client with a server and a printer, under a slug no other test uses. */
  public ContractClient activeClient(String name) {
    return client(name, true, new Device("SRV01", DeviceKind.SERVER), new Device("PRN-Reception", DeviceKind.PRINTER));
  }

  /** An active client with its published first checklist revision, as onboarding leaves it. */
  public ContractClient onboardedClient(String name) {
    ContractClient client = activeClient(name);
    revisions.createFirstRevision(client, List.of(), YearMonth.of(2027, 1), "onboarding-test", Instant.now());
    return client;
  }

  public ContractClient inactiveClient(String name) {
    return client(name, false, new Device("SRV01", DeviceKind.SERVER));
  }

  public ContractClient client(String name, boolean active, Device... devices) {
    // a technician of its own, so that visits planned by other tests never fill this client's days; no
    // user of that name exists, so the client's tasks stay with the group (as for a technician who left)
    return client(name, "technician" + RUN + SEQUENCE.incrementAndGet(), active, devices);
  }

  /** An active client whose named technician is this user: the steps the table gives the technician are hers. */
  public ContractClient clientOf(String technician, String name) {
    return client(name, technician, true, new Device("SRV01", DeviceKind.SERVER));
  }

  private ContractClient client(String name, String technician, boolean active, Device... devices) {
    int number = SEQUENCE.incrementAndGet();
    String slug = ChecklistSlug.of(name) + "-" + RUN + "-" + number;
    var client = new ContractClient(slug, name, "Contact of " + name, "1 Test Street", technician, active,
        Arrays.asList(devices));
    clients.insert(client);
    return client;
  }

  /** Removes a client row (and its devices) behind the engine's back, as a broken data fix would. */
  public void deleteClient(String slug) {
    jdbc.sql("delete from mmc_device where client_slug = ?").param(slug).update();
    jdbc.sql("delete from mmc_client where slug = ?").param(slug).update();
  }

  // ---- time ----------------------------------------------------------------------------------

  /** Sets the engine's clock (ClockUtil) to a wall-clock time in the firm's zone. */
  public ZonedDateTime clockAt(LocalDateTime firmTime) {
    ZonedDateTime at = firmTime.atZone(zone);
    ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    return at;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The end of a day of the month in the firm's zone, as the models compute deadlines. */
  public Date endOfDay(YearMonth month, int day) {
    return Date.from(month.atDay(day).plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** A Camunda user in one group (ids: letters and digits only). */
  public String user(String prefix, String group, String password) {
    String id = prefix + RUN + SEQUENCE.incrementAndGet();
    var user = identityService.newUser(id);
    user.setFirstName(prefix);
    user.setLastName("Test");
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
    return id;
  }

  // ---- cycles --------------------------------------------------------------------------------

  /** Opens the client's cycle and runs its first job (Prepare), as the job executor would: it waits at Schedule visit. */
  public CycleOpener.Opening openCycle(ContractClient client, YearMonth month) {
    CycleOpener.Opening opening = opener.open(client.slug(), month);
    prepare(managementService, opening.processInstanceId());
    return opening;
  }

  /** Runs the cycle's Prepare job, if it still has one (a cycle opened before is already prepared). */
  public static void prepare(ManagementService managementService, String cycleProcessInstanceId) {
    managementService.createJobQuery().processInstanceId(cycleProcessInstanceId).activityId("Task_PrepareChecklist").list()
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  public long cyclesWithBusinessKey(String clientSlug, YearMonth month) {
    return historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS)
        .processInstanceBusinessKey(CycleMonth.businessKey(clientSlug, month))
        .count();
  }

  // ---- jobs ----------------------------------------------------------------------------------

  /** Executes the process instance's due jobs (async continuations, due timers) until none is left. */
  public int executeDueJobs(String processInstanceId) {
    int executed = 0;
    for (Job job = nextDueJob(processInstanceId); job != null; job = nextDueJob(processInstanceId)) {
      managementService.executeJob(job.getId());
      if (++executed > 100) {
        throw new AssertionError("more than 100 jobs in " + processInstanceId + ": a loop?");
      }
    }
    return executed;
  }

  /**
   * Runs the jobs of the month's opening, as the job executor would: the batches' "Client cycle
   * opening" jobs (a failed batch retried at once, unprepared: its retry is the job executor's, five
   * minutes later), then the due Prepare jobs of cycles that were not prepared at opening. A failing
   * Prepare job is left with a retry later (and, in the end, an incident), the others go on. The
   * number run.
   */
  public int executeOpenings() {
    int executed = 0;
    for (Job job = nextOpeningJob(); job != null; job = nextOpeningJob()) {
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException failed) {
        // the engine has counted the retry and moved the job's due date: it is no longer due now
      }
      if (++executed > 1000) {
        throw new AssertionError("more than 1000 opening jobs: a loop?");
      }
    }
    return executed;
  }

  private Job nextOpeningJob() {
    List<Job> due = managementService.createJobQuery().processDefinitionKey(CycleVariables.CLIENT_CYCLE_OPENING_PROCESS)
        .withRetriesLeft().listPage(0, 1);
    if (due.isEmpty()) {
      due = managementService.createJobQuery().processDefinitionKey(CycleVariables.CLIENT_CYCLE_PROCESS)
          .activityId("Task_PrepareChecklist").executable().listPage(0, 1);
    }
    return due.isEmpty() ? null : due.get(0);
  }

  private Job nextDueJob(String processInstanceId) {
    List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().listPage(0, 1);
    return due.isEmpty() ? null : due.get(0);
  }

  public Job timerJob(String processInstanceId, String timerActivityId) {
    Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timerActivityId)
        .timers().singleResult();
    assertThat(job).as("timer job of %s", timerActivityId).isNotNull();
    return job;
  }

  /** Fires a boundary timer by hand (the clock should already be past its due date). */
  public void fireTimer(String processInstanceId, String timerActivityId) {
    Job job = timerJob(processInstanceId, timerActivityId);
    assertThat(job.getDuedate()).as("%s is due", timerActivityId).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    managementService.executeJob(job.getId());
  }

  public ManagementService managementService() {
    return managementService;
  }

  // ---- tasks ---------------------------------------------------------------------------------

  public Task task(String processInstanceId, String activityId) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId).singleResult();
    assertThat(task).as("open task %s", activityId).isNotNull();
    return task;
  }

  /** Claims the task for a user, as Tasklist does, and completes it with the form's variables. */
  public void complete(String processInstanceId, String activityId, String userId, Map<String, Object> variables) {
    completeAs(processInstanceId, activityId, userId, List.of(), variables);
  }

  /**
   * Completes the task as a logged-in user in the given groups, as Tasklist and /engine-rest do (with
   * Camunda's authorizations checked); without groups, as the engine itself.
   */
  public void completeAs(String processInstanceId, String activityId, String userId, List<String> groups,
      Map<String, Object> variables) {
    Task task = task(processInstanceId, activityId);
    taskService.setAssignee(task.getId(), userId);
    if (groups.isEmpty()) {
      taskService.complete(task.getId(), variables);
      return;
    }
    identityService.setAuthentication(userId, groups);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Schedules the visit on the proposed date, as the technician who keeps the proposal does. */
  public void scheduleVisit(String processInstanceId, String userId) {
    Object proposed = runtimeService.getVariable(processInstanceId, CycleVariables.PROPOSED_VISIT_DATE);
    assertThat(proposed).as("the proposed visit date").isNotNull();
    complete(processInstanceId, "Task_ScheduleVisit", userId, Map.of(CycleVariables.VISIT_DATE, proposed));
  }

  /** Executes the checklist on site: every item done with a note. */
  public void executeChecklist(String processInstanceId, String technician) {
    executeChecklist(processInstanceId, technician, "on-site", false);
  }

  public void executeChecklist(String processInstanceId, String technician, String visitMode) {
    executeChecklist(processInstanceId, technician, visitMode, false);
  }

  /**
   * Executes the checklist as the Execute form stores it (with an issue on the first item, if asked),
   * then runs the report of issues found, as the job executor would at once.
   */
  public void executeChecklist(String processInstanceId, String technician, String visitMode, boolean withIssue) {
    List<ChecklistItem> items = checklistJson.fromVariable(
        runtimeService.getVariableTyped(processInstanceId, CycleVariables.CHECKLIST_ITEMS));
    assertThat(items).as("the prepared checklist").isNotEmpty();
    List<ChecklistItem> executed = items.stream()
        .map(item -> withIssue && item == items.get(0)
            ? item.withResult(ChecklistItem.ISSUE, "Backup of the mail store failed twice; re-run and checked")
            : item.withResult(ChecklistItem.DONE, "Checked, fine"))
        .toList();
    JsonValue json = checklistJson.toVariable(executed);
    complete(processInstanceId, "Task_ExecuteChecklist", technician, Variables.createVariables()
        .putValueTyped(CycleVariables.CHECKLIST_ITEMS, json)
        .putValue(CycleVariables.VISIT_MODE, visitMode)
        .putValue(CycleVariables.REVISION_SUGGESTIONS, "Logs moved from C: to D:"));
    Job report = managementService.createJobQuery().processInstanceId(processInstanceId).activityId("Task_ReportIssues").singleResult();
    assertThat(report).as("the report of issues found, after Execute").isNotNull();
    managementService.executeJob(report.getId());
  }

  /** Revises: when changed, the first item is reworded (as the Revise form sends the full new list). */
  public void reviseChecklist(String processInstanceId, String technician, boolean changed) {
    var variables = Variables.createVariables().putValue(CycleVariables.CHECKLIST_CHANGED, changed);
    if (changed) {
      List<RevisionItem> items = new java.util.ArrayList<>(checklistJson.revisionItemsFrom(
          runtimeService.getVariableTyped(processInstanceId, CycleVariables.REVISION_ITEMS)));
      RevisionItem first = items.get(0);
      items.set(0, new RevisionItem(first.id(), first.device(), first.deviceKind(), first.section(),
          first.text() + " (logs now on D:)", first.frequency(), first.dueMonths(), first.onSiteRequired()));
      variables.putValueTyped(CycleVariables.REVISED_ITEMS, checklistJson.toVariable(items));
      variables.putValue(CycleVariables.CHANGE_NOTE, "Log folder moved from C: to D:");
    }
    complete(processInstanceId, "Task_ReviseChecklist", technician, variables);
  }

  public void publishChecklist(String processInstanceId, String serviceManager) {
    complete(processInstanceId, "Task_PublishChecklist", serviceManager, Map.of());
  }

  public void fileRecord(String processInstanceId, String technician) {
    complete(processInstanceId, "Task_FileRecord", technician, Map.of("filingNote", "Filed by month"));
  }

  public void resolveOverdue(String processInstanceId, String activityId, String serviceManager) {
    complete(processInstanceId, activityId, serviceManager, Map.of("resolutionNote", "Called the technician; visit rescheduled"));
  }

  public List<ChecklistItem> checklistOf(String processInstanceId) {
    return checklistJson.fromVariable(runtimeService.getVariableTyped(processInstanceId, CycleVariables.CHECKLIST_ITEMS));
  }

  /** A variable of a running or ended instance, from history. */
  public Object historicVariable(String processInstanceId, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    assertThat(variable).as("variable %s", name).isNotNull();
    return variable.getValue();
  }

  /** Lower-case, dash-separated slug stem from a client's name. */
  static final class ChecklistSlug {
    static String of(String name) {
      return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
  }
}

package org.mmccycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.mmccycle.cycle.CycleRecords;
import org.mmccycle.cycle.Job;
import org.mmccycle.cycle.JobStatus;
import org.mmccycle.report.ComplianceReport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.client.ContractClient;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Resolve overdue … says what is late: which deadline, when it was due, each late task with who holds
 * it (or that nobody has claimed it) and a link to it in Tasklist (task-local variables its form shows);
 * and it does something about it: hands the late task on or gives it a new date, as the record says.
 */
class OverdueTaskTest extends MmcSpringBootTest {

  private static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/";

  @Autowired TaskService taskService;
  @Autowired ComplianceReport report;
  @Autowired CycleRecords records;

  @Test
  void aMissedExecutionNamesTheDeadlineItsDueTimeAndWhoHoldsTheLateTask() {
    String tina = fixture.user("latetina", MmcGroups.TECHNICIANS, "late-secret-1");
    String cycle = openAndSchedule("Held Late Dental", YearMonth.of(2034, 3));
    Task execute = fixture.task(cycle, "Task_ExecuteChecklist");
    taskService.claim(execute.getId(), tina);

    Map<String, Object> shown = missExecutionDeadline(cycle, YearMonth.of(2034, 3));

    assertThat(shown).containsEntry(CycleVariables.OVERDUE_DEADLINE, "Execution")
        .containsEntry(CycleVariables.OVERDUE_DUE, "the end of Mon 20 Mar 2034")
        .containsEntry(CycleVariables.OVERDUE_TASKS, "- [Execute checklist](" + TASKLIST + "#/?task=" + execute.getId() + "): held by " + tina);
  }

  @Test
  void aLateTaskNobodyClaimedSaysSoAndNamesItsGroups() {
    String cycle = openAndSchedule("Unclaimed Late Dental", YearMonth.of(2034, 4));
    Task execute = fixture.task(cycle, "Task_ExecuteChecklist");

    Map<String, Object> shown = missExecutionDeadline(cycle, YearMonth.of(2034, 4));

    assertThat(shown.get(CycleVariables.OVERDUE_TASKS)).isEqualTo("- [Execute checklist](" + TASKLIST + "#/?task=" + execute.getId()
        + "): nobody has claimed it yet (technicians)");
    assertThat(shown.get(CycleVariables.OVERDUE_DUE)).isEqualTo("the end of Thu 20 Apr 2034");
  }

  @Test
  void aServiceManagerHandsTheLateTaskToAnotherTechnicianAndTheRecordAndReportSaySo() {
    String sam = fixture.user("resolvesam", MmcGroups.SERVICE_MANAGERS, "late-secret-1");
    String tom = fixture.user("latetom", MmcGroups.TECHNICIANS, "late-secret-1");
    YearMonth month = YearMonth.of(2034, 5);
    String cycle = openAndSchedule("Handed On Dental", month);
    missExecutionDeadline(cycle, month);

    assertThatThrownBy(() -> fixture.completeAs(cycle, "Task_ResolveOverdueExecution", sam, List.of(MmcGroups.SERVICE_MANAGERS),
        Map.of("resolutionAction", "reassign", "reassignTo", sam, "resolutionNote", "x")))
        .hasMessageContaining("reassignTo: '" + sam + "' is no member of technicians");
    assertThatThrownBy(() -> fixture.completeAs(cycle, "Task_ResolveOverdueExecution", tom, List.of(MmcGroups.TECHNICIANS),
        Map.of("resolutionAction", "reassign", "reassignTo", tom, "resolutionNote", "x")))
        .hasMessageContaining("only a service manager can hand a task to someone else");

    fixture.completeAs(cycle, "Task_ResolveOverdueExecution", sam, List.of(MmcGroups.SERVICE_MANAGERS),
        Map.of("resolutionAction", "reassign", "reassignTo", tom, "resolutionNote", "Tina is ill; Tom goes on Monday"));

    assertThat(fixture.task(cycle, "Task_ExecuteChecklist").getAssignee()).isEqualTo(tom);
    assertThat(processEngine.getRuntimeService().getVariables(cycle)).as("the choice decides no later escalation of the cycle")
        .doesNotContainKeys("resolutionAction", "reassignTo", "newDueDate");
    String said = "Handed to " + tom + ": Tina is ill; Tom goes on Monday";
    assertThat(executionEntry("Handed On Dental", month).resolution()).isEqualTo(said);
    assertThat(executionEntry("Handed On Dental", month).resolvedBy()).isEqualTo(sam);
    assertThat(records.notes(records.of(cycle).clientSlug(), month)).anySatisfy(note -> assertThat(note.text()).isEqualTo(said));
    assertThat(report.csv(report.forMonth(month))).contains(said);
  }

  @Test
  void aServiceManagerGivesTheLateTaskANewDateWithAReason() {
    String sam = fixture.user("resolvesam", MmcGroups.SERVICE_MANAGERS, "late-secret-1");
    YearMonth month = YearMonth.of(2034, 6);
    String cycle = openAndSchedule("New Date Dental", month);
    missExecutionDeadline(cycle, month);

    assertThatThrownBy(() -> fixture.completeAs(cycle, "Task_ResolveOverdueExecution", sam, List.of(MmcGroups.SERVICE_MANAGERS),
        Map.of("resolutionAction", "new-date", "newDueDate", "2034-06-02", "resolutionNote", "x")))
        .hasMessageContaining("newDueDate: 2034-06-02 has passed");

    fixture.completeAs(cycle, "Task_ResolveOverdueExecution", sam, List.of(MmcGroups.SERVICE_MANAGERS),
        Map.of("resolutionAction", "new-date", "newDueDate", "2034-06-26", "resolutionNote", "The client's office is closed until the 26th"));

    assertThat(fixture.task(cycle, "Task_ExecuteChecklist").getDueDate()).isEqualTo(fixture.endOfDay(month, 26));
    assertThat(executionEntry("New Date Dental", month).resolution())
        .isEqualTo("New due date, the end of Mon 26 Jun 2034: The client's office is closed until the 26th");
    assertThat(executionEntry("New Date Dental", month).status()).as("still late against its deadline").isNotEqualTo(JobStatus.ON_TIME);
  }

  private ComplianceReport.Entry executionEntry(String clientName, YearMonth month) {
    return report.forMonth(month).entries().stream()
        .filter(entry -> entry.clientName().equals(clientName) && entry.job() == Job.EXECUTE).findFirst().orElseThrow();
  }

  private String openAndSchedule(String name, YearMonth month) {
    ContractClient client = fixture.activeClient(name);
    fixture.clockAt(month.atDay(1).atTime(8, 0));
    String cycle = fixture.openCycle(client, month).processInstanceId();
    fixture.scheduleVisit(cycle, fixture.user("latesam", MmcGroups.SERVICE_MANAGERS, "late-secret-1"));
    return cycle;
  }

  /** The execution deadline passes: the Resolve overdue execution task's own variables. */
  private Map<String, Object> missExecutionDeadline(String cycle, YearMonth month) {
    fixture.clockAt(LocalDateTime.of(month.getYear(), month.getMonth(), 21, 0, 0, 1));
    fixture.fireTimer(cycle, "Timer_ExecutionDeadline");
    Task resolve = fixture.task(cycle, "Task_ResolveOverdueExecution");
    assertThat(resolve).as("the escalation's task").isNotNull();
    return taskService.getVariablesLocal(resolve.getId());
  }
}

package org.mmccycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.client.ContractClient;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Resolve overdue … says what is late: which deadline, when it was due, each late task with who holds
 * it (or that nobody has claimed it) and a link to it in Tasklist (task-local variables its form shows).
 */
class OverdueTaskTest extends MmcSpringBootTest {

  private static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/";

  @Autowired TaskService taskService;

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

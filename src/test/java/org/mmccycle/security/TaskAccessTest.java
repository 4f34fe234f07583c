package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Who sees and works a cycle's task over /engine-rest (as Tasklist does): its candidate groups
 * (technicians through Camunda's grant per task, service managers through their grant on every
 * task); process owners read it but do not work it; analysts do not see it.
 */
class TaskAccessTest extends MmcSpringBootTest {

  private static final String PASSWORD = "task-authz-s3cret";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;

  @Test
  void techniciansAndServiceManagersSeeAndWorkTheTaskProcessOwnersOnlyReadItAnalystsDoNotSeeIt() throws Exception {
    Task schedule = scheduleVisitTask("Claim Opticians", YearMonth.of(2031, 9));
    String manager = fixture.user("taskmanager", MmcGroups.SERVICE_MANAGERS, PASSWORD);
    String technician = fixture.user("tasktech", MmcGroups.TECHNICIANS, PASSWORD);
    String owner = fixture.user("taskowner", MmcGroups.PROCESS_OWNERS, PASSWORD);
    String analyst = fixture.user("taskanalyst", MmcGroups.ANALYSTS, PASSWORD);

    assertThat(listed(technician, MmcGroups.TECHNICIANS, schedule.getProcessInstanceId())).contains(schedule.getId());
    assertThat(listed(manager, MmcGroups.SERVICE_MANAGERS, schedule.getProcessInstanceId())).contains(schedule.getId());
    assertThat(get(analyst, "/engine-rest/task/" + schedule.getId()).getStatusCode().is2xxSuccessful())
        .as("an analyst reading the task").isFalse();
    assertThat(get(owner, "/engine-rest/task/" + schedule.getId()).getStatusCode()).as("a process owner reads it")
        .isEqualTo(HttpStatus.OK);
    assertThat(claim(owner, schedule).getStatusCode()).as("but may not claim it").isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(claim(manager, schedule).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(schedule.getId()).singleResult().getAssignee()).isEqualTo(manager);
    ResponseEntity<String> completed = rest.withBasicAuth(manager, PASSWORD).postForEntity(
        "/engine-rest/task/" + schedule.getId() + "/complete",
        Map.of("variables", Map.of("visitDate", Map.of("value",
            processEngine.getRuntimeService().getVariable(schedule.getProcessInstanceId(), "proposedVisitDate")))),
        String.class);
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(schedule.getId()).count()).isZero();
  }

  private Task scheduleVisitTask(String clientName, YearMonth month) {
    var client = fixture.activeClient(clientName);
    fixture.clockAt(month.atDay(2).atTime(8, 0));
    String cycle = fixture.openCycle(client, month).processInstanceId();
    return fixture.task(cycle, "Task_ScheduleVisit");
  }

  /** The tasks of the cycle's process instance the user sees in the group's list. */
  private List<String> listed(String user, String candidateGroup, String processInstanceId) throws Exception {
    ResponseEntity<String> response = get(user, "/engine-rest/task?candidateGroup=" + candidateGroup + "&processInstanceId="
        + processInstanceId);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    List<String> ids = new java.util.ArrayList<>();
    new ObjectMapper().readTree(response.getBody()).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }

  private ResponseEntity<String> claim(String user, Task task) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user),
        String.class);
  }
}

package org.mmccycle.security;

import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A cycle's open task for the cycle board's links, as the caller may see it: queried with the caller's
 * authorizations, as Tasklist would.
 */
@Component
public class OpenTaskLookup {

  private final TaskService taskService;

  public OpenTaskLookup(TaskService taskService) {
    this.taskService = taskService;
  }

  /** The id of the open task of this model element in this process instance that the caller sees, if there is one. */
  public Optional<String> openTask(String processInstanceId, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey).active()
        .orderByTaskCreateTime().desc().listPage(0, 1).stream().map(Task::getId).findFirst();
  }
}

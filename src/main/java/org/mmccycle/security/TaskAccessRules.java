package org.mmccycle.security;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.mmccycle.draft.TaskAccess;
import org.mmccycle.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Whether the caller may work on an open task, for what our API keeps beside a task (its draft): the
 * task must be one the caller sees (Camunda's authorizations decide, as in Tasklist), and a task someone
 * has claimed is only theirs or a service manager's ({@link TaskClaims}, the same rule).
 */
@Component
public class TaskAccessRules implements TaskAccess {

  private final TaskService taskService;
  private final CurrentUser currentUser;

  public TaskAccessRules(TaskService taskService, CurrentUser currentUser) {
    this.taskService = taskService;
    this.currentUser = currentUser;
  }

  @Override
  public Caller requireMayWorkOn(String taskId) {
    String user = currentUser.id();
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult(); // with the caller's authorizations
    if (task == null) {
      throw new NotFoundException("there is no open task " + taskId + " that you may see");
    }
    String holder = task.getAssignee();
    if (holder != null && !holder.equals(user) && !MmcGroups.overrule(currentUser.groups())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, TaskClaims.claimedBy(task.getName(), holder, "work on it"));
    }
    return new Caller(user, task.getName());
  }
}

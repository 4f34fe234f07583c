package org.mmccycle.process;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task listener bean: records who completed a task and when, as the model names them
 * ({@code ${taskRecorder.completed(task, 'executedBy', 'executedAt')}}).
 */
@Component("taskRecorder")
public class TaskRecorder {

  private final IdentityService identityService;
  private final CycleClock clock;

  public TaskRecorder(IdentityService identityService, CycleClock clock) {
    this.identityService = identityService;
    this.clock = clock;
  }

  public void completed(DelegateTask task, String byVariable, String atVariable) {
    task.getExecution().setVariable(byVariable, completedBy(task));
    task.getExecution().setVariable(atVariable, Date.from(clock.now()));
  }

  private String completedBy(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication current = identityService.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }
}

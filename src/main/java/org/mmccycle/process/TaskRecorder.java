package org.mmccycle.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener bean: records who completed a task and when, as the model names them
 * ({@code ${taskRecorder.completed(task, 'executedBy', 'executedAt')}}).
 */
@Component
public class TaskRecorder {

  private final TaskUsers users;
  private final CycleClock clock;

  public TaskRecorder(TaskUsers users, CycleClock clock) {
    this.users = users;
    this.clock = clock;
  }

  public void completed(DelegateTask task, String byVariable, String atVariable) {
    task.getExecution().setVariable(byVariable, users.who(task));
    task.getExecution().setVariable(atVariable, Date.from(clock.now()));
  }
}

package org.mmccycle.process;

import org.mmccycle.cycle.CycleCalendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Records who completed a job's task and when ({@code executedBy}, {@code executedAt}, …), for {@link CycleTasks}. */
@Component
public class TaskRecorder {

  private final TaskUsers users;
  private final CycleCalendar clock;

  public TaskRecorder(TaskUsers users, CycleCalendar clock) {
    this.users = users;
    this.clock = clock;
  }

  public void completed(DelegateTask task, String byVariable, String atVariable) {
    task.getExecution().setVariable(byVariable, users.who(task));
    task.getExecution().setVariable(atVariable, Date.from(clock.now()));
  }
}

package org.mmccycle.process;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.ExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Attaches {@link CycleTasks} to every user task of every version of the client cycle model as the
 * engine parses it: built-in listeners, which run before the model's own and which no model can leave
 * out. Versions deployed before this named the same steps as expression listeners
 * ({@code ${visitListener.scheduled(task)}}, …): those are taken out, so that nothing runs twice.
 */
public class CycleTaskListeners extends AbstractBpmnParseListener {

  /** The beans older versions of the model named for what {@link CycleTasks} now does. */
  private static final Set<String> BUILT_IN_NOW = Set.of("${visitListener.", "${revisionListener.", "${taskRecorder.");

  private final ObjectProvider<CycleTasks> tasks;

  public CycleTaskListeners(ObjectProvider<CycleTasks> tasks) {
    this.tasks = tasks;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!CycleVariables.CLIENT_CYCLE_PROCESS.equals(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
      return;
    }
    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    for (List<TaskListener> listeners : definition.getTaskListeners().values()) {
      listeners.removeIf(listener -> listener instanceof ExpressionTaskListener expression
          && BUILT_IN_NOW.stream().anyMatch(expression.getExpressionText()::startsWith));
    }
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, (DelegateTask task) -> tasks.getObject().created(task));
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, (DelegateTask task) -> tasks.getObject().completed(task));
  }
}

package org.mmccycle.process;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.ExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Attaches {@link CycleTasks} to every version of the client cycle model as the engine parses it:
 * built-in listeners on each user task (create, assignment, complete, delete) and on each subprocess
 * (start: the jobs' deadlines), which run before the model's own and which no model can leave out.
 * Versions deployed before this named the same steps as expression listeners
 * ({@code ${visitListener.scheduled(task)}}, {@code ${taskMail.created(task)}}, …): those are taken out,
 * so that nothing runs twice; their reminder timers still fire, and do nothing (reminders come from
 * the job records now).
 */
public class CycleListeners extends AbstractBpmnParseListener {

  /** The beans older versions of the model named for what {@link CycleTasks} now does. */
  private static final Set<String> BUILT_IN_NOW = Set.of("${visitListener.", "${revisionListener.", "${taskRecorder.", "${taskMail.");

  private final ObjectProvider<CycleTasks> tasks;

  public CycleListeners(ObjectProvider<CycleTasks> tasks) {
    this.tasks = tasks;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!isCycle(activity)) {
      return;
    }
    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    for (List<TaskListener> listeners : definition.getTaskListeners().values()) {
      listeners.removeIf(CycleListeners::builtInNow);
    }
    Element extensions = userTaskElement.element("extensionElements");
    for (Element listener : extensions == null ? List.<Element>of() : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "taskListener")) {
      String id = listener.attribute("id");
      if (TaskListener.EVENTNAME_TIMEOUT.equals(listener.attribute("event")) && id != null && builtInNow(definition.getTimeoutTaskListener(id))) {
        definition.addTimeoutTaskListener(id, (DelegateTask task) -> { });
      }
    }
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, (DelegateTask task) -> tasks.getObject().created(task));
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, (DelegateTask task) -> tasks.getObject().assigned(task));
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, (DelegateTask task) -> tasks.getObject().completed(task));
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, (DelegateTask task) -> tasks.getObject().deleted(task));
  }

  @Override
  public void parseSubProcess(Element subProcessElement, ScopeImpl scope, ActivityImpl activity) {
    if (isCycle(activity)) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (DelegateExecution execution) -> tasks.getObject().jobsStarted(execution));
    }
  }

  private static boolean isCycle(ActivityImpl activity) {
    return CycleVariables.CLIENT_CYCLE_PROCESS.equals(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey());
  }

  private static boolean builtInNow(TaskListener listener) {
    return listener instanceof ExpressionTaskListener expression && BUILT_IN_NOW.stream().anyMatch(expression.getExpressionText()::startsWith);
  }
}

package org.mmccycle.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A claim means something: a task someone has claimed (or was assigned) is completed, or handed to
 * someone else, only by that person or by a service manager (or an administrator). Camunda itself
 * lets any candidate set the assignee over REST ({@code POST /task/{id}/assignee}) and complete a task
 * another user holds. The rule is a built-in listener on every user task of every model, added when
 * the engine parses it, so an analyst's model cannot leave it out and every client meets it. The
 * engine's own steps (no user logged in) are not affected.
 */
public final class TaskClaims extends AbstractBpmnParseListener implements TaskListener {

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    definition.addBuiltInTaskListener(EVENTNAME_ASSIGNMENT, this);
    definition.addBuiltInTaskListener(EVENTNAME_COMPLETE, this);
  }

  @Override
  public void notify(DelegateTask task) {
    var command = Context.getCommandContext();
    String user = command == null ? null : command.getAuthenticatedUserId();
    if (user == null || MmcGroups.overrule(command.getAuthenticatedGroupIds())) {
      return;
    }
    String holder = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? previousAssignee(task) : task.getAssignee();
    if (holder != null && !holder.equals(user)) {
      String what = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? "hand it to someone else" : "complete it";
      throw new AuthorizationException(claimedBy(task.getName(), holder, what));
    }
  }

  /** The refusal: "Task 'Schedule visit' is claimed by tina: only tina or a service manager may complete it." */
  static String claimedBy(String taskName, String holder, String what) {
    return "Task '" + taskName + "' is claimed by " + holder + ": only " + holder + " or a service manager may " + what + ".";
  }

  /** Who held the task before this assignment (the assignee it had when the command began). */
  private static String previousAssignee(DelegateTask task) {
    var change = ((TaskEntity) task).getPropertyChanges().get(TaskEntity.ASSIGNEE);
    return change == null ? null : change.getOrgValueString();
  }
}

package org.mmccycle.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.mmccycle.notify.Mail;
import org.mmccycle.notify.MmcMailer;
import org.mmccycle.notify.TaskNotice;
import org.mmccycle.responsibility.Job;
import org.mmccycle.responsibility.Responsibility;
import org.mmccycle.responsibility.WithoutAuthorization;
import org.springframework.stereotype.Component;

/**
 * Task listener bean: the client cycle model's user tasks mail the responsible people through it.
 *
 * <pre>
 * &lt;camunda:taskListener event="create" expression="${taskMail.created(task)}" /&gt;
 * &lt;camunda:taskListener event="assignment" expression="${taskMail.assigned(task)}" /&gt;
 * &lt;camunda:taskListener event="timeout" id="Reminder_Execution" expression="${taskMail.reminder(task)}"&gt;
 *   &lt;bpmn:timerEventDefinition&gt;&lt;bpmn:timeDate&gt;${reminders.before(executionDeadline, 3)}&lt;/bpmn:timeDate&gt;&lt;/bpmn:timerEventDefinition&gt;
 * &lt;/camunda:taskListener&gt;
 * on Task_ResolveOverdueExecution: &lt;camunda:taskListener event="create" expression="${taskMail.escalated(task, 'execute')}" /&gt;
 * </pre>
 *
 * Thin: it reads the task, lets {@link MmcMailer} compose, and sends once the engine has committed
 * (a rolled-back task mails nobody).
 */
@Component("taskMail")
public class TaskMailListener {

  private final MmcMailer mailer;
  private final Responsibility responsibility;
  private final ProcessEngine engine;

  public TaskMailListener(MmcMailer mailer, Responsibility responsibility, ProcessEngine engine) {
    this.mailer = mailer;
    this.responsibility = responsibility;
    this.engine = engine;
  }

  /** Event "create": the assignee is mailed by {@link #assigned}; otherwise the candidate groups' members. */
  public void created(DelegateTask task) {
    if (mailer.enabled() && task.getAssignee() == null) {
      sendAfterCommit(mailer.taskCreated(notice(task)));
    }
  }

  /** Event "assignment": the new assignee. */
  public void assigned(DelegateTask task) {
    if (mailer.enabled() && task.getAssignee() != null) {
      sendAfterCommit(mailer.taskAssigned(notice(task)));
    }
  }

  /** Event "timeout" (a timer on the task listener): a reminder to whoever works on the task. */
  public void reminder(DelegateTask task) {
    if (mailer.enabled()) {
      sendAfterCommit(mailer.reminder(notice(task)));
    }
  }

  /**
   * Event "create" of a Resolve overdue task: the job's escalation group (responsibility table) hears
   * of every task of that deadline still open in the cycle (for 'publish': revise or publish).
   */
  public void escalated(DelegateTask task, String job) {
    if (!mailer.enabled()) {
      return;
    }
    Job overdueJob = Job.of(job);
    String clientSlug = (String) task.getVariable("clientSlug");
    String escalationGroup = responsibility.escalationGroup(overdueJob.key(), clientSlug);
    List<String> keys = new ArrayList<>();
    for (Job each : Job.values()) {
      if (each.taskDefinitionKey() != null && each.deadlineVariable() != null && each.deadlineVariable().equals(overdueJob.deadlineVariable())) {
        keys.add(each.taskDefinitionKey());
      }
    }
    TaskService tasks = engine.getTaskService();
    List<Task> open = WithoutAuthorization.call(engine, () -> tasks.createTaskQuery()
        .processInstanceId(task.getProcessInstanceId()).taskDefinitionKeyIn(keys.toArray(String[]::new)).list());
    List<Mail> mails = new ArrayList<>();
    for (Task overdue : open) {
      List<String> groups = WithoutAuthorization.call(engine, () -> tasks.getIdentityLinksForTask(overdue.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(link -> link.getGroupId()).toList());
      mails.addAll(mailer.escalation(new TaskNotice(overdue.getName(), clientName(task), businessKey(task), overdue.getDueDate(),
          overdue.getAssignee(), groups), escalationGroup));
    }
    sendAfterCommit(mails);
  }

  private TaskNotice notice(DelegateTask task) {
    List<String> groups = task.getCandidates().stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).distinct().toList();
    return new TaskNotice(task.getName(), clientName(task), businessKey(task), task.getDueDate(), task.getAssignee(), groups);
  }

  private static String clientName(DelegateTask task) {
    Object name = task.getVariable("clientName");
    return name == null ? String.valueOf(task.getVariable("clientSlug")) : name.toString();
  }

  private static String businessKey(DelegateTask task) {
    return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
  }

  private void sendAfterCommit(List<Mail> mails) {
    if (mails.isEmpty()) {
      return;
    }
    var commandContext = Context.getCommandContext();
    if (commandContext == null) {
      mailer.send(mails);
      return;
    }
    commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> mailer.send(mails));
  }
}

package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.EXECUTED_AT;
import static org.mmccycle.process.CycleVariables.EXECUTED_BY;
import static org.mmccycle.process.CycleVariables.FILED_AT;
import static org.mmccycle.process.CycleVariables.FILED_BY;
import static org.mmccycle.process.CycleVariables.FILING_NOTE;
import static org.mmccycle.process.CycleVariables.FOLLOW_UP_NOTE;
import static org.mmccycle.process.CycleVariables.OVERDUE_DEADLINE;
import static org.mmccycle.process.CycleVariables.OVERDUE_DUE;
import static org.mmccycle.process.CycleVariables.OVERDUE_TASKS;
import static org.mmccycle.process.CycleVariables.PUBLISHED_AT;
import static org.mmccycle.process.CycleVariables.PUBLISHED_BY;
import static org.mmccycle.process.CycleVariables.RESOLUTION_NOTE;
import static org.mmccycle.process.CycleVariables.PUBLISH_DECISION;
import static org.mmccycle.process.CycleVariables.SEND_BACK;
import static org.mmccycle.process.CycleVariables.SEND_BACK_COMMENT;
import static org.mmccycle.process.CycleVariables.VISIT_DATE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.CycleRecord;
import org.mmccycle.cycle.CycleRecords;
import org.mmccycle.cycle.Job;
import org.mmccycle.cycle.JobRecord;
import org.mmccycle.cycle.JobRecords;
import org.mmccycle.cycle.TaskTitle;
import org.mmccycle.draft.TaskDrafts;
import org.mmccycle.notify.MailSettings;
import org.mmccycle.notify.MmcMailer;
import org.mmccycle.notify.TaskNotice;
import org.springframework.stereotype.Component;

/**
 * What each step of the client cycle does besides what its model says: confirm the visit, record it,
 * make the revision, record who did a job and when in the cycle's job records, keep what people wrote
 * for the filed record, and tell the people concerned (new work, an overdue job). Attached to every
 * version of the cycle model by the engine ({@link CycleListeners}), not written in the model, so that
 * a model an analyst deploys keeps the product's behaviour.
 */
@Component
public class CycleTasks {

  private final VisitListener visits;
  private final RevisionListener revisions;
  private final TaskRecorder recorder;
  private final TaskUsers users;
  private final CycleRecords records;
  private final JobRecords jobs;
  private final MmcMailer mailer;
  private final CycleCalendar calendar;
  private final TaskDrafts drafts;
  private final MailSettings mailSettings;
  private final OverdueActions overdueActions;

  public CycleTasks(VisitListener visits, RevisionListener revisions, TaskRecorder recorder, TaskUsers users, CycleRecords records,
      JobRecords jobs, MmcMailer mailer, CycleCalendar calendar, TaskDrafts drafts, MailSettings mailSettings,
      OverdueActions overdueActions) {
    this.overdueActions = overdueActions;
    this.drafts = drafts;
    this.mailSettings = mailSettings;
    this.visits = visits;
    this.revisions = revisions;
    this.recorder = recorder;
    this.users = users;
    this.records = records;
    this.jobs = jobs;
    this.mailer = mailer;
    this.calendar = calendar;
  }

  /** The monthly jobs started: their deadlines (the inputs of the subprocess that holds them) go into the job records. */
  public void jobsStarted(DelegateExecution jobsScope) {
    Map<Job, Instant> dues = new EnumMap<>(Job.class);
    for (Job job : Job.ofCycle()) {
      if (jobsScope.getVariableLocal(job.deadlineVariable()) instanceof Date due) {
        dues.put(job, due.toInstant());
      }
    }
    if (!dues.isEmpty()) {
      jobs.scheduled(records.of(jobsScope.getProcessInstanceId()), dues);
    }
  }

  public void created(DelegateTask task) {
    var cycleTask = CycleTask.of(task.getTaskDefinitionKey());
    if (cycleTask.isEmpty()) {
      return;
    }
    CycleRecord cycle = records.of(task.getProcessInstanceId());
    task.setName(TaskTitle.of(task.getName(), cycle, text(task, VISIT_DATE), cycleTask.get() == CycleTask.SCHEDULE));
    switch (cycleTask.get()) {
      case SCHEDULE, EXECUTE, REVISE, PUBLISH, FILE -> {
        if (cycleTask.get() == CycleTask.REVISE) {
          revisions.opened(task);
        } else if (cycleTask.get() == CycleTask.PUBLISH) {
          revisions.toApprove(task);
        }
        jobs.taskCreated(cycle, jobOf(task), calendar.now(), instant(task.getDueDate()), task.getAssignee(), candidateGroup(task));
        newWorkUnlessAssigned(task, cycle);
      }
      case FOLLOW_UP -> newWorkUnlessAssigned(task, cycle);
      case RESOLVE_OVERDUE, REVIEW_UNRESOLVED -> {
        Job overdue = overdueJob(task);
        if (cycleTask.get() == CycleTask.RESOLVE_OVERDUE) {
          jobs.overdue(cycle, overdue, calendar.now(), instant(task.getDueDate()), candidateGroup(task));
        }
        List<JobRecord> records = jobs.ofCycle(cycle.clientSlug(), cycle.month());
        List<JobRecord> late = records.stream()
            .filter(job -> job.taskOpen() && Objects.equals(job.job().deadlineVariable(), overdue.deadlineVariable())).toList();
        describeLateWork(task, overdue, records, late);
        mailer.escalation((cycleTask.get() == CycleTask.REVIEW_UNRESOLVED ? "unresolved for 2 days, " : "") + overdue.label(),
            cycle.clientName(), late.stream().map(job -> new TaskNotice(job.job().label(), cycle.clientName(), job.cycleKey(),
                job.due() == null ? null : Date.from(job.due()), job.assignee(), job.candidateGroups())).toList(), groups(task));
      }
    }
  }

  /** A task given to a person (or given back): the job's record says who has it; the person hears of it, unless they took it themselves. */
  public void assigned(DelegateTask task) {
    var cycleTask = CycleTask.of(task.getTaskDefinitionKey());
    if (cycleTask.isEmpty()) {
      return;
    }
    CycleRecord cycle = records.of(task.getProcessInstanceId());
    Job.ofTask(task.getTaskDefinitionKey()).filter(job -> job != Job.ESCALATION)
        .ifPresent(job -> jobs.taskAssigned(cycle, job, task.getAssignee()));
    if (task.getAssignee() != null && !task.getAssignee().equals(users.authenticated())) {
      mailer.newWork(notice(task, cycle));
    }
  }

  public void completed(DelegateTask task) {
    var cycleTask = CycleTask.of(task.getTaskDefinitionKey());
    if (cycleTask.isEmpty()) {
      return;
    }
    CycleRecord cycle = records.of(task.getProcessInstanceId());
    drafts.discard(task.getId());
    switch (cycleTask.get()) {
      case SCHEDULE -> visits.scheduled(task);
      case EXECUTE -> {
        visits.executed(task);
        recorder.completed(task, EXECUTED_BY, EXECUTED_AT);
      }
      case REVISE -> revisions.revised(task);
      case PUBLISH -> {
        if (SEND_BACK.equals(task.getVariable(PUBLISH_DECISION))) {
          revisions.sentBack(task);
          note(task, cycle, "sent back", "publish", SEND_BACK_COMMENT);
          jobs.taskClosed(cycle, Job.PUBLISH); // not done: Revise comes again, then Publish
          return;
        }
        recorder.completed(task, PUBLISHED_BY, PUBLISHED_AT);
      }
      case FILE -> {
        recorder.completed(task, FILED_BY, FILED_AT);
        note(task, cycle, "filing", null, FILING_NOTE);
      }
      case FOLLOW_UP -> note(task, cycle, "follow-up", "execute", FOLLOW_UP_NOTE);
      case RESOLVE_OVERDUE, REVIEW_UNRESOLVED -> {
        Job overdue = overdueJob(task);
        String resolution = overdueActions.apply(task, text(task, RESOLUTION_NOTE));
        if (resolution != null) {
          records.addNote(cycle, new CycleRecords.Note("overdue", overdue.key(), users.who(task), calendar.now(), resolution));
        }
        jobs.resolved(cycle, overdue, calendar.now(), users.who(task), resolution);
      }
    }
    Job.ofTask(task.getTaskDefinitionKey()).filter(job -> job != Job.ESCALATION)
        .ifPresent(job -> jobs.done(cycle, job, calendar.now(), users.who(task), instant(task.getDueDate())));
  }

  /** A task that went away without being completed (its cycle was cancelled): no longer open in the records. */
  public void deleted(DelegateTask task) {
    var cycleTask = CycleTask.of(task.getTaskDefinitionKey());
    if (cycleTask.isEmpty()) {
      return;
    }
    CycleRecord cycle = records.of(task.getProcessInstanceId());
    drafts.discard(task.getId());
    if (cycleTask.get() == CycleTask.RESOLVE_OVERDUE) {
      jobs.escalationClosed(cycle, overdueJob(task));
    }
    Job.ofTask(task.getTaskDefinitionKey()).filter(job -> job != Job.ESCALATION).ifPresent(job -> jobs.taskClosed(cycle, job));
  }

  private void newWorkUnlessAssigned(DelegateTask task, CycleRecord cycle) {
    if (task.getAssignee() == null) {
      mailer.newWork(notice(task, cycle)); // an assignee hears of it through assigned()
    }
  }

  /**
   * What the person resolving an overdue job reads in its form (task-local variables): which deadline
   * passed and when it was due, and each late task with who holds it (or that nobody has claimed it)
   * and a link to it in Tasklist.
   */
  private void describeLateWork(DelegateTask resolve, Job overdue, List<JobRecord> records, List<JobRecord> late) {
    Instant due = records.stream().filter(job -> job.job() == overdue).map(JobRecord::due).filter(Objects::nonNull).findFirst().orElse(null);
    Map<String, String> lateTaskIds = new HashMap<>();
    if (!late.isEmpty()) {
      resolve.getProcessEngineServices().getTaskService().createTaskQuery().processInstanceId(resolve.getProcessInstanceId())
          .taskDefinitionKeyIn(late.stream().map(job -> job.job().taskDefinitionKey()).toArray(String[]::new)).list()
          .forEach(open -> lateTaskIds.put(open.getTaskDefinitionKey(), open.getId()));
    }
    List<String> lines = new ArrayList<>();
    for (JobRecord job : late) {
      String holder = job.assignee() == null
          ? "nobody has claimed it yet (" + String.join(", ", job.candidateGroups()) + ")"
          : "held by " + job.assignee();
      String taskId = lateTaskIds.get(job.job().taskDefinitionKey());
      lines.add("- " + (taskId == null ? job.job().label() : "[" + job.job().label() + "](" + mailSettings.tasklistUrl() + "#/?task=" + taskId + ")")
          + ": " + holder);
    }
    resolve.setVariableLocal(OVERDUE_DEADLINE, overdue.noun());
    resolve.setVariableLocal(OVERDUE_DUE, due == null ? "(no due date recorded)" : calendar.describeDeadline(due));
    resolve.setVariableLocal(OVERDUE_TASKS, lines.isEmpty() ? "The late task is done by now." : String.join("\n", lines));
  }

  private TaskNotice notice(DelegateTask task, CycleRecord cycle) {
    return new TaskNotice(stepName(task), cycle.clientName(), task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
        task.getDueDate(), task.getAssignee(), groups(task));
  }

  /** The step's name in the model ("Schedule visit"): the task's own name carries the client and month too. */
  private static String stepName(DelegateTask task) {
    var element = task.getBpmnModelElementInstance();
    return element != null && element.getName() != null ? element.getName() : task.getName();
  }

  /** What the person wrote in the task's field, kept with the cycle for its filed record (nothing when they wrote nothing). */
  private void note(DelegateTask task, CycleRecord cycle, String kind, String job, String field) {
    String text = text(task, field);
    if (text != null) {
      records.addNote(cycle, new CycleRecords.Note(kind, job, users.who(task), calendar.now(), text));
    }
  }

  private static String text(DelegateTask task, String field) {
    Object text = task.getVariable(field);
    return text == null || text.toString().isBlank() ? null : text.toString().trim();
  }

  private static Job jobOf(DelegateTask task) {
    return Job.ofTask(task.getTaskDefinitionKey()).orElseThrow();
  }

  private static Job overdueJob(DelegateTask task) {
    return Job.overdueOf(task.getTaskDefinitionKey()).orElseThrow(() -> new IllegalStateException(
        "task " + task.getTaskDefinitionKey() + " names no job whose deadline passed (Task_ResolveOverdueExecution, …)"));
  }

  private static List<String> groups(DelegateTask task) {
    return task.getCandidates().stream().map(link -> link.getGroupId()).filter(Objects::nonNull).distinct().toList();
  }

  /** The task's candidate groups, comma-separated ("technicians,service-managers"), or null. */
  private static String candidateGroup(DelegateTask task) {
    List<String> groups = groups(task);
    return groups.isEmpty() ? null : String.join(",", groups);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}

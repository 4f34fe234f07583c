package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CHANGE_NOTE;
import static org.mmccycle.process.CycleVariables.CHECKLIST_CHANGED;
import static org.mmccycle.process.CycleVariables.CHECKLIST_ITEMS;
import static org.mmccycle.process.CycleVariables.CHECKLIST_REVISION;
import static org.mmccycle.process.CycleVariables.FILING_NOTE;
import static org.mmccycle.process.CycleVariables.FOLLOW_UP_NOTE;
import static org.mmccycle.process.CycleVariables.ISSUE_SUMMARY;
import static org.mmccycle.process.CycleVariables.ON_SITE_WAIVED;
import static org.mmccycle.process.CycleVariables.OVERRIDE_REASON;
import static org.mmccycle.process.CycleVariables.RESOLUTION_NOTE;
import static org.mmccycle.process.CycleVariables.REVISION_SUGGESTIONS;
import static org.mmccycle.process.CycleVariables.VISIT_DATE;
import static org.mmccycle.process.CycleVariables.VISIT_MODE;
import static org.mmccycle.process.CycleVariables.APPROVE;
import static org.mmccycle.process.CycleVariables.PUBLISH_DECISION;
import static org.mmccycle.process.CycleVariables.SEND_BACK;
import static org.mmccycle.process.CycleVariables.SEND_BACK_COMMENT;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.checklist.ExecutedChecklist;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.CycleRecord;
import org.mmccycle.cycle.CycleRecords;
import org.mmccycle.schedule.Visit;
import org.mmccycle.security.CommandFields;
import org.mmccycle.security.MmcGroups;
import org.mmccycle.validation.Texts;
import org.springframework.stereotype.Component;

/**
 * What a person submits to a client cycle, checked where the engine receives it, whatever the client
 * (the form in Tasklist, /engine-rest, the web apps' API, a script): on the completion command itself,
 * before the engine sets a variable or moves the cycle on. A refusal is a 400 that names the field or
 * the checklist item and the rule; the task stays open and nothing is stored.
 *
 * <ul>
 *   <li>a completion submits only its task's fields ({@link CycleTask}); an analyst's own task may submit
 *       anything but the cycle's own variables (its client, month, deadlines, checklist, what the engine
 *       recorded); a variable sent back unchanged (a form returns what it showed) is no change;
 *   <li>the executed checklist is the cycle's prepared checklist, each item answered
 *       ({@link ExecutedChecklist}), with the visit's mode; notes and texts have sane lengths and no
 *       control characters; only a service manager waives an on-site visit;
 *   <li>a cycle's variables are not written outside a completion (except by an administrator): the
 *       cycle's identity is fixed when it opens.
 * </ul>
 *
 * The date rules of a visit (spacing, business days, near the month) are the visit calendar's, applied
 * when Schedule visit completes ({@link CycleTasks}).
 */
@Component
public class TaskSubmissions extends CommandInterceptor {

  /** Variables only the engine and the application write. */
  static final Set<String> THE_CYCLES_OWN = Set.of(CycleVariables.CLIENT_SLUG, CycleVariables.CLIENT_NAME,
      CycleVariables.CYCLE_MONTH, CHECKLIST_ITEMS, CHECKLIST_REVISION, CycleVariables.BASE_REVISION, CycleVariables.REVISION_ITEMS,
      CycleVariables.PROPOSED_VISIT_DATE, CycleVariables.VISIT_PLAN_EXPLANATION, CycleVariables.ON_SITE_REQUIRED, ON_SITE_WAIVED,
      CycleVariables.EXECUTED_BY, CycleVariables.EXECUTED_AT, CycleVariables.PUBLISHED_BY, CycleVariables.PUBLISHED_AT,
      CycleVariables.FILED_BY, CycleVariables.FILED_AT, CycleVariables.FILED_RECORD, CycleVariables.PUBLISHED_CHECKLIST,
      "schedulingDeadline", "executionDeadline", "publicationDeadline", "filingDeadline", "issueCount");
  private static final int SHOWN_PROBLEMS = 10;
  private static final int SUMMARY_MAX = 20_000;

  private static final Field COMPLETED_TASK = CommandFields.field(CompleteTaskCmd.class, "taskId", String.class);
  private static final Field COMPLETED_VARIABLES = CommandFields.field(CompleteTaskCmd.class, "variables", Map.class);
  private static final Field SUBMITTED_TASK = CommandFields.field(SubmitTaskFormCmd.class, "taskId", String.class);
  private static final Field SUBMITTED_VARIABLES = CommandFields.field(SubmitTaskFormCmd.class, "properties", Map.class);
  private static final Field VARIABLE_ENTITY = CommandFields.field(AbstractVariableCmd.class, "entityId", String.class);
  private static final Field SET_VARIABLES = CommandFields.field(AbstractSetVariableCmd.class, "variables", Map.class);
  private static final Field REMOVED_VARIABLES = CommandFields.field(AbstractRemoveVariableCmd.class, "variableNames", Collection.class);
  private static final Field PATCHED_ENTITY = CommandFields.field(AbstractPatchVariablesCmd.class, "entityId", String.class);

  private final CycleRecords records;
  private final ChecklistRevisions revisions;
  private final ChecklistJson json;
  private final OverdueActions overdueActions;

  public TaskSubmissions(CycleRecords records, ChecklistRevisions revisions, ChecklistJson json, OverdueActions overdueActions) {
    this.overdueActions = overdueActions;
    this.records = records;
    this.revisions = revisions;
    this.json = json;
  }

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    if (user != null) {
      check(command, context);
    }
    return next.execute(command);
  }

  @SuppressWarnings("unchecked")
  private void check(Command<?> command, CommandContext context) {
    if (command instanceof CompleteTaskCmd) {
      submitted(cycleTask(context, (String) CommandFields.read(COMPLETED_TASK, command)),
          (Map<String, Object>) CommandFields.read(COMPLETED_VARIABLES, command), context);
    } else if (command instanceof SubmitTaskFormCmd) {
      submitted(cycleTask(context, (String) CommandFields.read(SUBMITTED_TASK, command)),
          (Map<String, Object>) CommandFields.read(SUBMITTED_VARIABLES, command), context);
    } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
        || command instanceof AbstractPatchVariablesCmd) {
      boolean onTask = command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
          || command instanceof PatchTaskVariablesCmd;
      String entity = (String) CommandFields.read(command instanceof AbstractPatchVariablesCmd ? PATCHED_ENTITY : VARIABLE_ENTITY, command);
      boolean ofACycle = onTask ? cycleTask(context, entity) != null : isCycle(context, entity);
      if (ofACycle && !isAdministrator(context)) {
        throw new BadUserRequestException("The variables of a client cycle are not written one by one: complete the task with its "
            + "form (the cycle's client, month and deadlines are fixed when it opens).");
      }
    }
  }

  /** The task, when it belongs to a client cycle; null otherwise (or when it does not exist: the engine says so). */
  private static TaskEntity cycleTask(CommandContext context, String taskId) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    return task != null && task.getProcessInstanceId() != null && isCycleDefinition(context, task.getProcessDefinitionId()) ? task : null;
  }

  private static boolean isCycle(CommandContext context, String executionId) {
    ExecutionEntity execution = executionId == null ? null : context.getExecutionManager().findExecutionById(executionId);
    return execution != null && isCycleDefinition(context, execution.getProcessDefinitionId());
  }

  private static boolean isCycleDefinition(CommandContext context, String processDefinitionId) {
    return processDefinitionId != null && CycleVariables.CLIENT_CYCLE_PROCESS.equals(context.getProcessEngineConfiguration()
        .getDeploymentCache().findDeployedProcessDefinitionById(processDefinitionId).getKey());
  }

  private static boolean isAdministrator(CommandContext context) {
    List<String> groups = context.getAuthenticatedGroupIds();
    return groups != null && groups.contains(MmcGroups.CAMUNDA_ADMIN);
  }

  private void submitted(TaskEntity task, Map<String, Object> variables, CommandContext context) {
    if (task == null) {
      return;
    }
    Map<String, Object> submitted = variables == null ? Map.of() : variables;
    var known = CycleTask.of(task.getTaskDefinitionKey());
    List<String> problems = new ArrayList<>();
    for (String name : new TreeSet<>(submitted.keySet())) {
      boolean notAField = known.isPresent() ? !known.get().submitted().contains(name) : THE_CYCLES_OWN.contains(name);
      // a form may send back what it showed (Tasklist's embedded forms send every variable they fetched): unchanged, it is no change
      if (notAField && !unchanged(value(raw(submitted, name)), task.getVariable(name))) {
        problems.add("'" + Texts.abbreviate(name) + "' is not a field of this task" + known.map(t -> " (it takes "
            + String.join(", ", new TreeSet<>(t.submitted())) + ")").orElse(" (it is the cycle's own)"));
      }
    }
    if (problems.isEmpty() && known.isPresent()) {
      problems.addAll(valueProblems(known.get(), task, submitted, context));
    }
    if (!problems.isEmpty()) {
      String shown = String.join("; ", problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size())));
      throw new BadUserRequestException(task.getName() + " cannot be completed: " + shown
          + (problems.size() > SHOWN_PROBLEMS ? "; and " + (problems.size() - SHOWN_PROBLEMS) + " more" : "") + ".");
    }
  }

  private List<String> valueProblems(CycleTask cycleTask, TaskEntity task, Map<String, Object> submitted, CommandContext context) {
    List<String> problems = new ArrayList<>();
    switch (cycleTask) {
      case SCHEDULE -> {
        Object date = effective(VISIT_DATE, task, submitted);
        if (date == null || date.toString().isBlank()) {
          problems.add("visitDate: choose the visit date");
        } else if (CycleCalendar.dayOrNull(date) == null) {
          problems.add("visitDate: '" + Texts.abbreviate(date.toString()) + "' is not a date like 2026-11-16");
        }
        text(problems, OVERRIDE_REASON, submitted, Texts.NOTE_MAX, false);
        Object waived = value(raw(submitted, ON_SITE_WAIVED));
        if (waived != null && !(waived instanceof Boolean)) {
          problems.add("onSiteWaived: true or false");
        } else if (Boolean.TRUE.equals(waived) && !MmcGroups.overrule(context.getAuthenticatedGroupIds())) {
          problems.add("onSiteWaived: only a service manager can waive the on-site visit");
        }
      }
      case EXECUTE -> {
        problems.addAll(checklistProblems(task, effective(CHECKLIST_ITEMS, task, submitted)));
        Object mode = effective(VISIT_MODE, task, submitted);
        if (!Visit.ON_SITE.equals(mode) && !Visit.REMOTE.equals(mode)) {
          problems.add("visitMode: say whether the visit was 'on-site' or 'remote'");
        }
        text(problems, REVISION_SUGGESTIONS, submitted, Texts.TEXT_MAX, false);
      }
      case REVISE -> {
        Object changed = value(raw(submitted, CHECKLIST_CHANGED));
        if (changed != null && !(changed instanceof Boolean)) {
          problems.add("checklistChanged: true or false");
        }
        text(problems, CHANGE_NOTE, submitted, Texts.NOTE_MAX, false);
      }
      case PUBLISH -> {
        text(problems, CHANGE_NOTE, submitted, Texts.NOTE_MAX, false);
        Object decision = value(raw(submitted, PUBLISH_DECISION));
        if (decision != null && !APPROVE.equals(decision) && !SEND_BACK.equals(decision)) {
          problems.add("publishDecision: '" + APPROVE + "' or '" + SEND_BACK + "'");
        }
        text(problems, SEND_BACK_COMMENT, submitted, Texts.TEXT_MAX, false);
        Object comment = value(raw(submitted, SEND_BACK_COMMENT));
        if (SEND_BACK.equals(decision) && (comment == null || comment.toString().isBlank())) {
          problems.add("sendBackComment: say what must change before the checklist can be published");
        }
      }
      case FILE -> text(problems, FILING_NOTE, submitted, Texts.NOTE_MAX, false);
      case FOLLOW_UP -> {
        text(problems, FOLLOW_UP_NOTE, submitted, Texts.TEXT_MAX, effective(FOLLOW_UP_NOTE, task, submitted) == null);
        text(problems, ISSUE_SUMMARY, submitted, SUMMARY_MAX, false);
      }
      case RESOLVE_OVERDUE, REVIEW_UNRESOLVED -> {
        text(problems, RESOLUTION_NOTE, submitted, Texts.TEXT_MAX, effective(RESOLUTION_NOTE, task, submitted) == null);
        problems.addAll(overdueActions.problems(task, value(raw(submitted, CycleVariables.RESOLUTION_ACTION)),
            value(raw(submitted, CycleVariables.REASSIGN_TO)), value(raw(submitted, CycleVariables.NEW_DUE_DATE)),
            context.getAuthenticatedGroupIds()));
      }
      default -> { }
    }
    return problems;
  }

  private List<String> checklistProblems(TaskEntity task, Object items) {
    List<ChecklistItem> executed;
    try {
      executed = json.fromVariable(items);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return List.of("checklistItems: not the list of the checklist's items (" + Texts.abbreviate(e.getMessage()) + ")");
    }
    return ExecutedChecklist.problems(prepared(task), executed);
  }

  /** The items the cycle was prepared with: the revision it executes, as due in its month. */
  private List<ChecklistItem> prepared(TaskEntity task) {
    CycleRecord cycle = records.of(task.getProcessInstanceId());
    Integer revision = cycle.executedRevision() != null ? cycle.executedRevision()
        : (Integer) task.getExecution().getVariable(CHECKLIST_REVISION); // a cycle opened before its record held it
    return revisions.checklistDueIn(revisions.revision(cycle.clientSlug(), revision), cycle.month());
  }

  /** A text field: text, at most {@code max} characters, no control characters but newlines; or missing when {@code required} is false. */
  private static void text(List<String> problems, String name, Map<String, Object> submitted, int max, boolean required) {
    Object value = value(raw(submitted, name));
    if (value == null) {
      if (required) {
        problems.add(name + ": say what was done");
      }
      return;
    }
    if (!(value instanceof String text)) {
      problems.add(name + ": must be text");
      return;
    }
    if (required && text.isBlank()) {
      problems.add(name + ": say what was done");
    } else if (text.length() > max) {
      problems.add(name + ": " + text.length() + " characters, at most " + max);
    } else {
      String characters = Texts.controlCharacterProblem(text, true);
      if (characters != null) {
        problems.add(name + ": " + characters);
      }
    }
  }

  /** A value sent back as the cycle has it: equal, or the same JSON (a Json variable the form fetched). */
  private boolean unchanged(Object sent, Object current) {
    return Objects.equals(sent, current) || current instanceof SpinJsonNode && json.sameJson(sent, current);
  }

  /** The submitted value, or else the one the task's cycle already has. */
  private static Object effective(String name, TaskEntity task, Map<String, Object> submitted) {
    return submitted.containsKey(name) ? value(raw(submitted, name)) : task.getVariable(name);
  }

  /** The value as submitted: typed where the client sent a type (a VariableMap would deserialize it on get). */
  private static Object raw(Map<String, Object> submitted, String name) {
    return submitted instanceof VariableMap typed ? typed.getValueTyped(name) : submitted.get(name);
  }

  private static Object value(Object submitted) {
    if (submitted instanceof TypedValue typed) {
      return typed instanceof SerializableValue serializable && !serializable.isDeserialized()
          ? serializable.getValueSerialized() : typed.getValue();
    }
    return submitted;
  }
}

package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.NEW_DUE_DATE;
import static org.mmccycle.process.CycleVariables.REASSIGN_TO;
import static org.mmccycle.process.CycleVariables.RESOLUTION_ACTION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.cycle.Job;
import org.mmccycle.engine.WithoutAuthorization;
import org.mmccycle.security.MmcGroups;
import org.mmccycle.validation.Texts;
import org.springframework.stereotype.Component;

/**
 * What the person resolving an overdue job can do besides writing what was done: hand the late task
 * to another member of its group, or give it a new date (with the reason in the note). The choice is
 * checked when the Resolve task is submitted (whatever the client), carried out when it completes, and
 * written, with the note, into the job's record, the filed record and the compliance report.
 */
@Component
public class OverdueActions {

  /** {@code resolutionAction}: only a note (the default), hand the late task on, or give it a new date. */
  public static final String NOTE = "note";
  public static final String REASSIGN = "reassign";
  public static final String NEW_DATE = "new-date";

  private final CycleCalendar calendar;

  public OverdueActions(CycleCalendar calendar) {
    this.calendar = calendar;
  }

  /**
   * What is wrong with the chosen action (empty: nothing).
   *
   * @param resolve the Resolve (or Review) task being completed
   * @param action, reassignTo, newDueDate the values submitted (null when not)
   * @param resolverGroups the groups of the person completing it
   */
  List<String> problems(DelegateTask resolve, Object action, Object reassignTo, Object newDueDate, List<String> resolverGroups) {
    List<String> problems = new ArrayList<>();
    String chosen = action == null ? NOTE : action.toString();
    switch (chosen) {
      case NOTE -> { }
      case REASSIGN -> {
        String user = reassignTo == null ? "" : reassignTo.toString().trim();
        if (!MmcGroups.overrule(resolverGroups)) {
          problems.add(RESOLUTION_ACTION + ": only a service manager can hand a task to someone else");
        } else if (user.isEmpty()) {
          problems.add(REASSIGN_TO + ": name who takes the late task over");
        } else {
          List<Task> late = lateTasks(resolve);
          if (late.isEmpty()) {
            problems.add(RESOLUTION_ACTION + ": the late task is done by now; there is nothing to hand on");
          }
          var identity = resolve.getProcessEngineServices().getIdentityService();
          for (Task task : late) {
            List<String> groups = candidateGroups(resolve, task);
            boolean member = WithoutAuthorization.call(resolve.getProcessEngine(), () -> groups.stream()
                .anyMatch(group -> identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0));
            if (!member) {
              problems.add(REASSIGN_TO + ": '" + Texts.abbreviate(user) + "' is no member of " + String.join(" or ", groups)
                  + ", who may take '" + task.getName() + "'");
            }
          }
        }
      }
      case NEW_DATE -> {
        LocalDate date = CycleCalendar.dayOrNull(newDueDate);
        if (date == null) {
          problems.add(NEW_DUE_DATE + ": a date like 2026-12-14");
        } else if (date.isBefore(calendar.today())) {
          problems.add(NEW_DUE_DATE + ": " + date + " has passed");
        } else if (lateTasks(resolve).isEmpty()) {
          problems.add(RESOLUTION_ACTION + ": the late task is done by now; it needs no new date");
        }
      }
      default -> problems.add(RESOLUTION_ACTION + ": '" + NOTE + "', '" + REASSIGN + "' or '" + NEW_DATE + "'");
    }
    return problems;
  }

  /**
   * Carries out what was chosen (the Resolve task completes) and says it for the record: "Handed to
   * tom: …", "New due date, the end of Mon 14 Dec 2026: …", or the note alone (null: nothing was said
   * or done, as when the engine itself completes it). The choice is then
   * removed from the cycle's variables, so that it never decides another escalation of the cycle.
   */
  String apply(DelegateTask resolve, String note) {
    Object action = resolve.getVariable(RESOLUTION_ACTION);
    String said = note == null ? "" : ": " + note;
    var tasks = resolve.getProcessEngineServices().getTaskService();
    String resolution = note;
    if (REASSIGN.equals(action)) {
      String user = resolve.getVariable(REASSIGN_TO).toString().trim();
      lateTasks(resolve).forEach(task -> WithoutAuthorization.call(resolve.getProcessEngine(), () -> {
        tasks.setAssignee(task.getId(), user);
        return null;
      }));
      resolution = "Handed to " + user + said;
    } else if (NEW_DATE.equals(action)) {
      LocalDate date = Objects.requireNonNull(CycleCalendar.dayOrNull(resolve.getVariable(NEW_DUE_DATE)));
      lateTasks(resolve).forEach(task -> WithoutAuthorization.call(resolve.getProcessEngine(), () -> {
        task.setDueDate(calendar.endOfDay(date));
        tasks.saveTask(task);
        return null;
      }));
      resolution = "New due date, " + calendar.describeDeadline(calendar.endOfDay(date).toInstant()) + said;
    }
    for (String chosen : List.of(RESOLUTION_ACTION, REASSIGN_TO, NEW_DUE_DATE)) {
      resolve.getExecution().removeVariable(chosen);
    }
    return resolution;
  }

  /** The open tasks of the job whose deadline passed. */
  private static List<Task> lateTasks(DelegateTask resolve) {
    Job overdue = Job.overdueOf(resolve.getTaskDefinitionKey()).orElseThrow();
    return WithoutAuthorization.call(resolve.getProcessEngine(), () -> resolve.getProcessEngineServices().getTaskService()
        .createTaskQuery().processInstanceId(resolve.getProcessInstanceId()).taskDefinitionKey(overdue.taskDefinitionKey()).list());
  }

  private static List<String> candidateGroups(DelegateTask resolve, Task task) {
    return WithoutAuthorization.call(resolve.getProcessEngine(),
        () -> resolve.getProcessEngineServices().getTaskService().getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(link -> link.getGroupId()).toList());
  }
}

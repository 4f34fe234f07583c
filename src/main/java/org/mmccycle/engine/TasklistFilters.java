package org.mmccycle.engine;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows no task without a filter: "My tasks", "My group's tasks" and "Overdue" are created
 * once (by name), for everyone. Their expressions are stored by us, never taken from a request.
 */
@Component
public class TasklistFilters {

  private final FilterService filterService;
  private final TaskService taskService;

  public TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  public void createFilters() {
    create("My tasks", -10, "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    create("My group's tasks", -5, "Unassigned tasks of my groups, to claim",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    create("Overdue", 0, "Open tasks past their due date",
        taskService.createTaskQuery().dueBeforeExpression("${now()}"));
  }

  private void create(String name, int priority, String description, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    query.orderByDueDate().asc();
    Filter filter = filterService.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
    filterService.saveFilter(filter);
  }
}

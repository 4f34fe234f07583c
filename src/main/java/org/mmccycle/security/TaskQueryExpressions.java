package org.mmccycle.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;

/**
 * Expressions in task queries, checked on the query object the engine is about to run, whatever
 * the transport (/engine-rest, the web apps' /camunda/api/engine, Java): Camunda 7.24 CE checks the
 * top level of an ad-hoc query but evaluates the expressions of its nested {@code orQueries}
 * unchecked, a class of vulnerability the community edition gets no more fixes for.
 *
 * <ul>
 *   <li>an ad-hoc task query ({@code /task}, {@code /task/count}) may hold no expression, in any of its queries;
 *   <li>the query a request adds to a stored filter ({@code /filter/{id}/list}) likewise;
 *   <li>a stored filter's own query may use only the harmless functions Tasklist's filters need
 *       ({@code ${currentUser()}}, {@code ${currentUserGroups()}}, {@code ${now()}}, {@code ${dateTime()…}}),
 *       checked when the filter is saved.
 * </ul>
 *
 * <p>Any query's page is checked too: a negative {@code firstResult} or {@code maxResults} is refused
 * before the database sees it.
 */
public class TaskQueryExpressions extends CommandInterceptor {

  private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");
  private static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter");

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof ListQueryParameterObject page && (page.getFirstResult() < 0 || page.getMaxResults() < 0)) {
      // the database would be asked for a negative page (a 500 from the persistence layer)
      throw new BadUserRequestException("firstResult and maxResults must be 0 or more, not " + page.getFirstResult()
          + " and " + page.getMaxResults());
    }
    if (command instanceof TaskQueryImpl query) {
      refuseAny(query, "a task query");
    } else if (command instanceof AbstractExecuteFilterCmd filterCommand
        && read(EXTENDING_QUERY, filterCommand) instanceof TaskQueryImpl extending) {
      refuseAny(extending, "the query added to a filter");
    } else if (command instanceof SaveFilterCmd save && read(SAVED_FILTER, save) instanceof Filter filter
        && filter.getQuery() instanceof TaskQueryImpl stored) {
      checkStored(stored);
    }
    return next.execute(command);
  }

  private static void refuseAny(TaskQueryImpl query, String what) {
    for (TaskQueryImpl part : parts(query)) {
      if (!part.getExpressions().isEmpty()) {
        throw new BadUserRequestException("Expressions are not accepted in " + what + (part == query ? "" : " (in one of its orQueries)")
            + ": " + String.join(", ", part.getExpressions().keySet()) + ". Use the values themselves.");
      }
    }
  }

  private static void checkStored(TaskQueryImpl query) {
    List<String> problems = new ArrayList<>();
    for (TaskQueryImpl part : parts(query)) {
      for (Map.Entry<String, String> expression : part.getExpressions().entrySet()) {
        ModelExpressions.problems(expression.getValue(), ModelExpressions.Use.QUERY)
            .forEach(problem -> problems.add(expression.getKey() + ": " + problem));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("The filter's query is refused: " + String.join("; ", problems));
    }
  }

  /** The query and its orQueries (the engine keeps the query itself first in the list). */
  private static List<TaskQueryImpl> parts(TaskQueryImpl query) {
    List<TaskQueryImpl> parts = new ArrayList<>(query.getQueries());
    if (!parts.contains(query)) {
      parts.add(0, query);
    }
    return parts;
  }

  private static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }

  /** The engine's field, or no engine at all: without it the check would silently stop working after an upgrade. */
  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      if (!AbstractQuery.class.isAssignableFrom(field.getType()) && !Query.class.isAssignableFrom(field.getType())
          && !Filter.class.isAssignableFrom(field.getType())) {
        throw new IllegalStateException(type.getName() + "." + name + " is no longer a query or filter");
      }
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda changed " + type.getName() + " (no field " + name
          + "): the task query expression check must be updated before this engine version runs", e);
    }
  }
}

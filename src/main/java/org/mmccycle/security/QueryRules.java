package org.mmccycle.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;

/**
 * Rules on queries, checked on the query object the engine is about to run, whatever the transport
 * (/engine-rest, the web apps' /camunda/api/engine, Java).
 *
 * <p>Expressions in task queries: Camunda 7.24 CE checks the top level of an ad-hoc query but evaluates
 * the expressions of its nested {@code orQueries} unchecked, a class of vulnerability the community
 * edition gets no more fixes for.
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
 * before the database sees it. And the statistics of process definitions (how many instances and
 * incidents each has) are for those who may read the instances: Camunda shows them to anyone who may
 * read the definition (a technician saw every definition's instance counts).
 */
public class QueryRules extends CommandInterceptor {

  private final ProcessEngineConfigurationImpl engine;

  /** @param engine the engine whose commands this checks (its services, for the authorization check) */
  public QueryRules(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  private static final Field EXTENDING_QUERY = CommandFields.field(AbstractExecuteFilterCmd.class, "extendingQuery", Query.class);
  private static final Field SAVED_FILTER = CommandFields.field(SaveFilterCmd.class, "filter", Filter.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof ListQueryParameterObject page && (page.getFirstResult() < 0 || page.getMaxResults() < 0)) {
      // the database would be asked for a negative page (a 500 from the persistence layer)
      throw new BadUserRequestException("firstResult and maxResults must be 0 or more, not " + page.getFirstResult()
          + " and " + page.getMaxResults());
    }
    if ((command instanceof ProcessDefinitionStatisticsQueryImpl || command instanceof ActivityStatisticsQueryImpl
        || command instanceof DeploymentStatisticsQueryImpl) && mayNotReadInstances()) {
      throw new AuthorizationException("The statistics of process instances are for those who may read them (service managers, "
          + "process owners): ask for the tasks you work on instead.");
    }
    if (command instanceof TaskQueryImpl query) {
      refuseAny(query, "a task query");
    } else if (command instanceof AbstractExecuteFilterCmd filterCommand
        && CommandFields.read(EXTENDING_QUERY, filterCommand) instanceof TaskQueryImpl extending) {
      refuseAny(extending, "the query added to a filter");
    } else if (command instanceof SaveFilterCmd save && CommandFields.read(SAVED_FILTER, save) instanceof Filter filter
        && filter.getQuery() instanceof TaskQueryImpl stored) {
      checkStored(stored);
    }
    return next.execute(command);
  }

  /** Whether the logged-in person lacks READ_INSTANCE on process definitions (nobody logged in: the application itself). */
  private boolean mayNotReadInstances() {
    var authentication = engine.getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return false;
    }
    return !engine.getAuthorizationService().isUserAuthorized(authentication.getUserId(),
        authentication.getGroupIds(), Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION);
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
}

package org.mmccycle.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, task queries (Tasklist's filters, {@code /engine-rest/task}) are planned with their
 * values, everything else keeps PostgreSQL's plans made once for all values. A plan for all values
 * cannot know which permission bits Camunda's authorization check tests and took the matching
 * authorizations for 60 rows when they were 12,000: the technicians' task list took 10-17 s after a
 * month of 10,000 clients opened (EngineIndexes has the statistics the plan with values needs).
 * Planning every statement instead ({@code plan_cache_mode} for the whole connection) cost a fifth
 * of the completions per second; so only the transaction of a task query sets it, {@code SET LOCAL}.
 */
@Component
public class TaskQueryPlanning extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new PlanTaskQueriesWithTheirValues());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** Runs inside the command's transaction, after its command context exists; on PostgreSQL only. */
  static class PlanTaskQueriesWithTheirValues extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if ((command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd)
          && EngineIndexes.onPostgres(Context.getProcessEngineConfiguration())) {
        Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        try (Statement statement = connection.createStatement()) {
          statement.execute("set local plan_cache_mode = force_custom_plan");
        } catch (SQLException e) {
          throw new ProcessEngineException("could not make PostgreSQL plan the task query with its values", e);
        }
      }
      return next.execute(command);
    }
  }
}

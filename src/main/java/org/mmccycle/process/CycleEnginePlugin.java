package org.mmccycle.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.mmccycle.cycle.CycleRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The client cycle's rules, in the engine whatever a model says or a client sends: a cycle starts only
 * through its opener ({@link CycleStarts}); each of its user tasks does the product's work when it is
 * created and completed ({@link CycleListeners}); what a person submits is checked before the
 * engine takes it ({@link TaskSubmissions}).
 */
@Component
public class CycleEnginePlugin extends AbstractProcessEnginePlugin {

  private final CycleRecords records;
  private final TaskSubmissions submissions;
  private final ObjectProvider<CycleTasks> tasks;

  public CycleEnginePlugin(CycleRecords records, TaskSubmissions submissions, ObjectProvider<CycleTasks> tasks) {
    this.records = records;
    this.submissions = submissions;
    this.tasks = tasks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    parseListeners.add(new CycleStarts(records));
    parseListeners.add(new CycleListeners(tasks));
    configuration.setCustomPreBPMNParseListeners(parseListeners);

    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(submissions);
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }
}

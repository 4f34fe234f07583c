package org.mmccycle.engine;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Runs engine calls as the application itself: the routing table, the users' e-mail addresses and the
 * open tasks are read whoever's action led there (a technician completing a task may not read other
 * users or evaluate decisions). Inside a running engine command, the command is reused.
 */
public final class WithoutAuthorization {

  private WithoutAuthorization() {}

  public static <T> T call(ProcessEngine engine, Callable<T> call) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(call));
  }
}

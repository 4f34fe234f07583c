package org.mmccycle.security;

import java.util.AbstractMap;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's own security rules, in place before the engine takes its first command, whatever
 * client reaches it (Tasklist, /engine-rest, the web apps' API, Java):
 *
 * <ul>
 *   <li>expressions resolve only the beans the models use ({@link ModelExpressions#BEANS}), never the
 *       rest of the Spring context (Camunda's Spring default exposes every bean, a data source too);
 *   <li>task queries and filters hold no expressions beyond Tasklist's harmless functions, pages are not
 *       negative, instance statistics only for those who may read instances ({@link QueryRules});
 *   <li>failed logins pause per user and client address, never lock an account for good
 *       ({@link ThrottledIdentityProvider});
 *   <li>Object variables hold only the application's own types ({@link ObjectVariableTypes});
 *   <li>a claimed task is completed or handed on only by its holder or a service manager ({@link TaskClaims}).
 * </ul>
 *
 * <p>The expression manager is replaced here, in {@code preInit}: Camunda's Spring factory makes its own
 * (with the whole application context) before any plugin runs, and the engine builds its parsers
 * and functions on whatever manager it has after {@code preInit}.
 */
@Component
public class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final LoginAttempts loginAttempts;
  private final ObjectVariableTypes objectTypes = new ObjectVariableTypes();

  public SecurityEnginePlugin(ApplicationContext context, Clock clock) {
    this.context = context;
    this.loginAttempts = new LoginAttempts(clock);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new SpringExpressionManager(context, new ModelBeans(context)));

    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new QueryRules(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    configuration.setIdentityProviderSessionFactory(ThrottledIdentityProvider.factory(loginAttempts));
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationTypeValidator(objectTypes);

    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    parseListeners.add(new TaskClaims());
    configuration.setCustomPreBPMNParseListeners(parseListeners);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // after every plugin's postInit: Spin registers its serializers there
    objectTypes.checkWrites((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration());
  }

  /**
   * The beans of {@link ModelExpressions#BEANS}, looked up in the context only when an expression
   * names one (the delegates depend on the engine, which is being built when this map is made).
   */
  static final class ModelBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;

    ModelBeans(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean containsKey(Object name) {
      return ModelExpressions.BEANS.containsKey(name);
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? context.getBean((String) name) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return ModelExpressions.BEANS.keySet().stream()
          .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, get(name)))
          .collect(Collectors.toUnmodifiableSet());
    }
  }
}

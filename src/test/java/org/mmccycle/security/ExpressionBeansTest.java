package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The engine's expressions reach the beans the models name, and nothing else of the Spring context. */
class ExpressionBeansTest extends MmcSpringBootTest {

  @Autowired ApplicationContext context;

  @Test
  void noBeanOutsideTheListResolvesFromAnEngineExpression() {
    List<String> others = Arrays.stream(context.getBeanDefinitionNames())
        .filter(name -> !ModelExpressions.BEANS.containsKey(name))
        .filter(name -> name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) // JUEL can name only these
        .toList();

    assertThat(others).as("the context's other beans").hasSizeGreaterThan(200).contains("jdbcClient", "dataSource",
        "processEngineConfigurationImpl", "identityService", "runtimeService");
    for (String name : others) {
      assertThatThrownBy(() -> evaluate("${" + name + "}")).as(name)
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Unknown property used in expression");
    }
  }

  @Test
  void everyListedBeanResolvesToItselfAndHasTheListedMethods() {
    for (var listed : ModelExpressions.BEANS.entrySet()) {
      Object bean = context.getBean(listed.getKey());
      assertThat(evaluate("${" + listed.getKey() + "}")).as(listed.getKey()).isSameAs(bean);
      Set<String> methods = Arrays.stream(AopUtils.getTargetClass(bean).getMethods()).map(Method::getName).collect(Collectors.toSet());
      assertThat(methods).as("public methods of %s", listed.getKey()).containsAll(listed.getValue());
    }
  }

  private Object evaluate(String expression) {
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(command ->
        configuration.getExpressionManager().createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance()));
  }
}

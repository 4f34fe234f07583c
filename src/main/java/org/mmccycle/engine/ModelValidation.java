package org.mmccycle.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Every deployment is checked before the engine accepts it, whoever deploys it (Camunda Modeler over
 * /engine-rest, Cockpit, the application's own models at start-up): which resources it holds
 * ({@link DeploymentRules}) and what its BPMN models contain ({@link ModelRules}). A refused BPMN model
 * fails the deployment as the engine's own parse errors do: a 400 with one error per element (its id,
 * line and the rule), which Camunda Modeler shows next to the deploy button.
 *
 * <p>Only new deployments are checked: a model deployed before a rule existed is still parsed when the
 * engine loads it again (after a restart), and its running cycles must go on.
 */
@Component
public class ModelValidation extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBpmnParseFactory(ValidatingBpmnParse::new);
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(new DeploymentRules());
    configuration.setCustomPreDeployers(deployers);
  }

  /** Camunda's BPMN parse, and then, for a new deployment, the product's rules on the whole model. */
  static final class ValidatingBpmnParse extends BpmnParse {

    ValidatingBpmnParse(BpmnParser parser) {
      super(parser);
    }

    @Override
    protected void parseRootElement() {
      super.parseRootElement();
      if (deployment != null && deployment.isNew()) {
        for (ModelRules.Violation violation : ModelRules.check(rootElement)) {
          addError(violation.elementId() + ": " + violation.message(), violation.element(),
              violation.elementId() == null ? "" : violation.elementId());
        }
      }
    }
  }
}

package org.mmccycle.process;

import org.mmccycle.engine.WithoutAuthorization;
import org.mmccycle.cycle.Job;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mmccycle.client.Technicians;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.mmccycle.client.ClientRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who is responsible for a job of a client's cycle, as the analysts' decision table
 * {@code processes/responsibility.dmn} ({@code Decision_Responsibility}) says, for the client's tier
 * and region. The client cycle model calls it in expressions:
 *
 * <pre>
 * camunda:candidateGroups="${responsibility.candidateGroup('execute', clientSlug)}"
 * camunda:assignee="${responsibility.assignee('execute', clientSlug)}"
 * </pre>
 *
 * <p>The latest deployed version of the table decides, so a table an analyst deploys from Camunda
 * Modeler applies to the next task that is created. Its answer depends only on the table's version and
 * the inputs (job, tier, region): each combination is evaluated once per table version (one decision
 * instance in the history), then remembered; a creation of a task costs one lookup of the latest
 * version instead of two evaluations of the table (issue 8: they were a fifth of the opening's time).
 * The evaluation is the engine's own business, whoever completed the task that led there: it runs
 * without Camunda authorization checks.
 */
@Component("responsibility")
public class Responsibility {

  public static final String DECISION_KEY = "Decision_Responsibility";
  public static final String STANDARD_TIER = "standard";
  private static final Duration USER_CHECK_INTERVAL = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(Responsibility.class);

  /**
   * What the table decided, for one job of one client.
   *
   * @param candidateGroup the group whose members may claim the task
   * @param assignToClientTechnician whether the task goes straight to the client's named technician
   * @param escalationGroup the group that resolves the job when its deadline passes
   * @param technician the client's named technician (may be null)
   */
  public record Decision(String candidateGroup, boolean assignToClientTechnician, String escalationGroup, String technician) {

    /** The assignee: the client's technician when the table says so and the client has one, else nobody. */
    public String assignee() {
      return assignToClientTechnician && technician != null && !technician.isBlank() ? technician : null;
    }
  }

  /** The table's answer for one version of the table and one set of inputs. */
  private record Row(String candidateGroup, boolean assignToClientTechnician, String escalationGroup) {}

  private record Inputs(String decisionDefinitionId, String job, String tier, String region) {}

  /** The last decision made in an engine command on this thread (weakly: the command ends, it goes). */
  private record Asked(WeakReference<CommandContext> command, String job, String clientSlug, Decision decision) {
    boolean answers(CommandContext current, String askedJob, String askedClient) {
      return current != null && command.get() == current && job.equals(askedJob) && clientSlug.equals(askedClient);
    }
  }

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final ProcessEngine engine;
  private final Function<String, Optional<ClientRepository.Routing>> clients;
  private final Predicate<String> canTakeWork;
  private final Map<Inputs, Row> answers = new ConcurrentHashMap<>();
  /** When each technician was last found to be a user who does visits (checked again after a minute; a monotonic timer, not the firm's clock). */
  private final Map<String, Long> knownTechnicians = new ConcurrentHashMap<>();
  private final ThreadLocal<Asked> lastAsked = new ThreadLocal<>();

  @Autowired
  public Responsibility(ProcessEngine processEngine, ClientRepository clients, Technicians technicians) {
    this(processEngine, clients::routing, userId -> technicians.problem(userId) == null);
  }

  /** With the clients' routing and the firm's users from elsewhere (a model test on a plain engine). */
  Responsibility(ProcessEngine processEngine, Function<String, Optional<ClientRepository.Routing>> clients,
      Predicate<String> canTakeWork) {
    this.decisionService = processEngine.getDecisionService();
    this.repositoryService = processEngine.getRepositoryService();
    this.engine = processEngine;
    this.clients = clients;
    this.canTakeWork = canTakeWork;
  }

  /**
   * The decision for a job ({@code execute}, …) of the client with this slug, by its tier and region.
   * Inside an engine command it is made once per job and client: creating a task asks for its group
   * and its assignee, two questions of one decision (one client lookup, one table lookup).
   */
  public Decision decide(String job, String clientSlug) {
    CommandContext command = Context.getCommandContext();
    Asked last = lastAsked.get();
    if (last != null && last.answers(command, job, clientSlug)) {
      return last.decision();
    }
    ClientRepository.Routing client = clients.apply(clientSlug)
        .orElseThrow(() -> new IllegalArgumentException("no contract client '" + clientSlug + "'"));
    Decision decision = decide(Job.of(job), client.tier(), client.region(), client.technician());
    lastAsked.set(command == null ? null : new Asked(new WeakReference<>(command), job, clientSlug, decision));
    return decision;
  }

  /** The decision for a job, a tier (null: standard) and a region (may be null). */
  public Decision decide(Job job, String tier, String region, String technician) {
    String latest = WithoutAuthorization.call(engine, () -> latestTable().getId());
    Inputs inputs = new Inputs(latest, job.key(), tier == null || tier.isBlank() ? STANDARD_TIER : tier.trim().toLowerCase(),
        region == null || region.isBlank() ? null : region.trim());
    Row row = answers.get(inputs);
    if (row == null) {
      row = evaluate(inputs);
      // answers of older versions are never asked for again
      answers.keySet().removeIf(known -> !known.decisionDefinitionId().equals(latest));
      answers.put(inputs, row);
    }
    return new Decision(row.candidateGroup(), row.assignToClientTechnician(), row.escalationGroup(), technician);
  }

  private DecisionDefinition latestTable() {
    DecisionDefinition table = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
        .withoutTenantId().latestVersion().singleResult();
    if (table == null) {
      throw new IllegalStateException("the responsibility table " + DECISION_KEY + " is not deployed");
    }
    return table;
  }

  private Row evaluate(Inputs inputs) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("job", inputs.job());
    variables.put("tier", inputs.tier());
    variables.put("region", inputs.region());
    DmnDecisionRuleResult result = WithoutAuthorization.call(engine,
        () -> decisionService.evaluateDecisionTableById(inputs.decisionDefinitionId(), variables).getFirstResult());
    if (result == null) {
      throw new IllegalStateException("the responsibility table has no row for job '" + inputs.job() + "', tier '"
          + inputs.tier() + "', region '" + inputs.region() + "'");
    }
    // an empty output cell (the escalation row gives only its escalation group) is no entry at all
    Map<String, Object> outputs = result.getEntryMap();
    return new Row((String) outputs.get("candidateGroup"), Boolean.TRUE.equals(outputs.get("assignToClientTechnician")),
        (String) outputs.get("escalationGroup"));
  }

  /** {@code ${responsibility.candidateGroup('execute', clientSlug)}}: the group that may claim the job's task. */
  public String candidateGroup(String job, String clientSlug) {
    return required(decide(job, clientSlug).candidateGroup(), "candidate group", job);
  }

  /**
   * {@code ${responsibility.assignee('execute', clientSlug)}}: the client's technician when the table
   * says the job is theirs, or null (the group claims it). A technician who is no longer a user who does
   * visits (left the firm, removed in Camunda Admin) gets nothing: the task stays with the group, where
   * someone sees it, instead of going to nobody.
   */
  public String assignee(String job, String clientSlug) {
    String technician = decide(job, clientSlug).assignee();
    return technician == null || takesWork(technician) ? technician : null;
  }

  private boolean takesWork(String technician) {
    long now = System.nanoTime();
    Long known = knownTechnicians.get(technician);
    if (known != null && now - known < USER_CHECK_INTERVAL.toNanos()) {
      return true;
    }
    if (!canTakeWork.test(technician)) {
      knownTechnicians.remove(technician);
      LOG.warn("The client technician '{}' is no user who does visits: the task goes to its group", technician);
      return false;
    }
    knownTechnicians.put(technician, now);
    return true;
  }

  /** {@code ${responsibility.escalationGroup('execute', clientSlug)}}: the group that resolves the job when it is overdue. */
  public String escalationGroup(String job, String clientSlug) {
    return required(decide(job, clientSlug).escalationGroup(), "escalation group", job);
  }

  private static String required(String group, String output, String job) {
    if (group == null || group.isBlank()) {
      throw new IllegalStateException("the responsibility table gives job '" + job + "' no " + output);
    }
    return group;
  }
}

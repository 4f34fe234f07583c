package org.mmccycle.process;

import static org.mmccycle.process.CycleVariables.CLIENT_CYCLE_PROCESS;
import static org.mmccycle.process.CycleVariables.CLIENT_SLUG;
import static org.mmccycle.process.CycleVariables.CYCLE_MONTH;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.mmccycle.client.ClientRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a client's cycle for a month, at most once: the row in {@code mmc_client_cycle} (primary key
 * client + month) is written in the same transaction as the process instance, so a re-fired timer,
 * a manual re-run or a second node finds the cycle already open, or fails and rolls back its own start.
 * A cycle opened alone waits at the job of its first step (Prepare client checklist, asynchronous),
 * which the job executors of every node share; a batch of the monthly round can instead pass the
 * prepared checklist at the start, and the cycle runs on to its first task in the batch's transaction.
 */
@Service
public class CycleOpener {

  private static final Logger LOG = LoggerFactory.getLogger(CycleOpener.class);

  /** What opening did: started a new cycle, or found the one already open. */
  public record Opening(String clientSlug, String cycleMonth, String processInstanceId, boolean started) {}

  private final ClientRepository clients;
  private final RuntimeService runtimeService;
  private final JdbcClient jdbc;
  private final CyclePreparation preparation;

  public CycleOpener(ClientRepository clients, RuntimeService runtimeService, JdbcClient jdbc, CyclePreparation preparation) {
    this.clients = clients;
    this.runtimeService = runtimeService;
    this.jdbc = jdbc;
    this.preparation = preparation;
  }

  /** Opens the cycle of an active client: refuses an unknown or inactive client (nothing is started). */
  @Transactional
  public Opening open(String clientSlug, YearMonth month) {
    Optional<Opening> open = alreadyOpen(clientSlug, month);
    if (open.isPresent()) {
      return open.get();
    }
    ClientRepository.Standing client = clients.standing(clientSlug)
        .orElseThrow(() -> new IllegalArgumentException("no contract client '" + clientSlug + "'"));
    if (!client.active()) {
      throw new IllegalStateException("client '" + clientSlug + "' is not active: no cycle is opened for it");
    }
    return start(clientSlug, month, Map.of());
  }

  /**
   * Opens the cycle of a client the monthly round listed as active, in a batch with others: a client
   * deleted or made inactive since is skipped (empty), so that one client never fails the batch.
   *
   * @param prepare whether to prepare the cycle here (its checklist read in this transaction, and the
   *     cycle goes on to its first task in it); without, or for a client without a published checklist,
   *     the cycle prepares itself in its own job
   */
  @Transactional
  public Optional<Opening> request(String clientSlug, YearMonth month, boolean prepare) {
    Optional<Opening> open = alreadyOpen(clientSlug, month);
    if (open.isPresent()) {
      return open;
    }
    Optional<ClientRepository.Standing> client = clients.standing(clientSlug);
    if (client.isEmpty() || !client.get().active()) {
      LOG.warn("No cycle for {} in {}: the client was deleted or made inactive after the month's clients were listed",
          clientSlug, CycleMonth.format(month));
      return Optional.empty();
    }
    Map<String, Object> prepared = prepare
        ? preparation.preparedFromPublished(clientSlug, client.get().name(), month).orElse(Map.of())
        : Map.of();
    return Optional.of(start(clientSlug, month, prepared));
  }

  private Optional<Opening> alreadyOpen(String clientSlug, YearMonth month) {
    String cycleMonth = CycleMonth.format(month);
    return openCycle(clientSlug, cycleMonth).map(processInstanceId -> {
      LOG.info("Cycle {} is already open ({})", CycleMonth.businessKey(clientSlug, month), processInstanceId);
      return new Opening(clientSlug, cycleMonth, processInstanceId, false);
    });
  }

  /** Starts the cycle: with {@code prepared} variables ({@link CyclePreparation}) it skips its Prepare job. */
  private Opening start(String clientSlug, YearMonth month, Map<String, Object> prepared) {
    String cycleMonth = CycleMonth.format(month);
    String businessKey = CycleMonth.businessKey(clientSlug, month);
    Map<String, Object> variables = new HashMap<>(prepared);
    variables.put(CLIENT_SLUG, clientSlug);
    variables.put(CYCLE_MONTH, cycleMonth);
    String processInstanceId = runtimeService.startProcessInstanceByKey(CLIENT_CYCLE_PROCESS, businessKey, variables).getId();
    // a concurrent opener that got here first makes this insert fail: our start rolls back with it
    jdbc.sql("insert into mmc_client_cycle (client_slug, cycle_month, business_key, process_instance_id) values (?, ?, ?, ?)")
        .params(clientSlug, cycleMonth, businessKey, processInstanceId)
        .update();
    LOG.info("Opened cycle {} ({})", businessKey, processInstanceId);
    return new Opening(clientSlug, cycleMonth, processInstanceId, true);
  }

  public Optional<String> openCycle(String clientSlug, String cycleMonth) {
    return jdbc.sql("select process_instance_id from mmc_client_cycle where client_slug = ? and cycle_month = ?")
        .params(clientSlug, cycleMonth)
        .query(String.class)
        .optional();
  }
}

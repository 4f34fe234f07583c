package org.mmccycle.process;

import org.mmccycle.cycle.CycleMonths;
import org.mmccycle.cycle.CycleMonth;
import static org.mmccycle.process.CycleVariables.CHECKLIST_REVISION;
import static org.mmccycle.process.CycleVariables.CLIENT_CYCLE_PROCESS;
import static org.mmccycle.process.CycleVariables.CLIENT_NAME;
import static org.mmccycle.process.CycleVariables.CLIENT_SLUG;
import static org.mmccycle.process.CycleVariables.CYCLE_MONTH;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.cycle.CycleRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a client's cycle for a month, at most once, and is the only way a cycle starts
 * ({@link CycleStarts} refuses a start from anywhere else). The client's row is locked first, so that
 * whoever opens the same cycle at the same moment (a re-fired timer, a manual re-run, a second node)
 * waits, then finds it open; the cycle's record in {@code mmc_client_cycle} (primary key client +
 * month) is written as the instance starts, in the same transaction, before any step of it runs.
 * A cycle opened alone waits at the job of its first step (Prepare client checklist, asynchronous),
 * which the job executors of every node share; a batch of the monthly round can instead pass the
 * prepared checklist at the start, and the cycle runs on to its first task in the batch's transaction.
 */
@Service
public class CycleOpener {

  private static final Logger LOG = LoggerFactory.getLogger(CycleOpener.class);
  private static final ThreadLocal<Pending> OPENING = new ThreadLocal<>();

  /** What opening did: started a new cycle, or found the one already open. */
  public record Opening(String clientSlug, String cycleMonth, String processInstanceId, boolean started) {}

  /** The cycle this thread is starting, for its record ({@link CycleStarts} writes it as the instance starts). */
  record Pending(String clientSlug, YearMonth month, String businessKey, String clientName, Integer executedRevision) {}

  private final ClientRepository clients;
  private final RuntimeService runtimeService;
  private final CycleRecords records;
  private final CyclePreparation preparation;
  private final CycleMonths months;

  public CycleOpener(ClientRepository clients, RuntimeService runtimeService, CycleRecords records, CyclePreparation preparation,
      CycleMonths months) {
    this.clients = clients;
    this.runtimeService = runtimeService;
    this.records = records;
    this.preparation = preparation;
    this.months = months;
  }

  /** The cycle the current thread is opening through this opener, if it is opening one (what {@link CycleStarts} asks). */
  static Optional<Pending> pending() {
    return Optional.ofNullable(OPENING.get());
  }

  /** Opens the cycle of an active client: refuses an unknown or inactive client, or a month out of range (nothing is started). */
  @Transactional
  public Opening open(String clientSlug, YearMonth month) {
    months.requireOpenable(month);
    ClientRepository.Standing client = clients.lockedStanding(clientSlug)
        .orElseThrow(() -> new IllegalArgumentException("no contract client '" + clientSlug + "'"));
    Optional<Opening> open = alreadyOpen(clientSlug, month);
    if (open.isPresent()) {
      return open.get();
    }
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
    months.requireOpenable(month);
    Optional<ClientRepository.Standing> client = clients.lockedStanding(clientSlug);
    Optional<Opening> open = alreadyOpen(clientSlug, month);
    if (open.isPresent()) {
      return open;
    }
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
    return records.find(clientSlug, month).map(cycle -> {
      LOG.info("Cycle {} is already open ({})", CycleMonth.businessKey(clientSlug, month), cycle.processInstanceId());
      return new Opening(clientSlug, CycleMonth.format(month), cycle.processInstanceId(), false);
    });
  }

  /** Starts the cycle: with {@code prepared} variables ({@link CyclePreparation}) it skips its Prepare job. */
  private Opening start(String clientSlug, YearMonth month, Map<String, Object> prepared) {
    String cycleMonth = CycleMonth.format(month);
    String businessKey = CycleMonth.businessKey(clientSlug, month);
    Map<String, Object> variables = new HashMap<>(prepared);
    variables.put(CLIENT_SLUG, clientSlug);
    variables.put(CYCLE_MONTH, cycleMonth);
    String processInstanceId;
    OPENING.set(new Pending(clientSlug, month, businessKey, (String) prepared.get(CLIENT_NAME), (Integer) prepared.get(CHECKLIST_REVISION)));
    try {
      processInstanceId = runtimeService.startProcessInstanceByKey(CLIENT_CYCLE_PROCESS, businessKey, variables).getId();
    } finally {
      OPENING.remove();
    }
    LOG.info("Opened cycle {} ({})", businessKey, processInstanceId);
    return new Opening(clientSlug, cycleMonth, processInstanceId, true);
  }

  public Optional<String> openCycle(String clientSlug, String cycleMonth) {
    return records.find(clientSlug, CycleMonth.parse(cycleMonth)).map(cycle -> cycle.processInstanceId());
  }
}

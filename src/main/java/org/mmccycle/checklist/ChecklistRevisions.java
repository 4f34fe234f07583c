package org.mmccycle.checklist;

import java.time.Instant;
import java.time.YearMonth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mmccycle.web.ConflictException;
import org.mmccycle.web.NotFoundException;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.client.ContractClient;
import org.mmccycle.client.Device;
import org.mmccycle.validation.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each client's checklist as a history of revisions: revision 1 from the template, then one
 * revision per change (with a change note), used from the month after it is published.
 *
 * <p>The checklist in force for a month is the latest revision published before that month
 * began; a client that had none then (a new client) uses its first published revision.
 */
@Service
public class ChecklistRevisions {

  /** The pseudo device of items about the client as a whole. */
  public static final String SITE = ChecklistService.SITE_DEVICE;
  private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,199}");

  private final ChecklistRevisionRepository revisions;
  private final ChecklistTemplates templates;
  private final ClientRepository clients;
  private final Clock clock;

  public ChecklistRevisions(ChecklistRevisionRepository revisions, ChecklistTemplates templates, ClientRepository clients,
      Clock clock) {
    this.revisions = revisions;
    this.templates = templates;
    this.clients = clients;
    this.clock = clock;
  }

  /**
   * Creates and publishes revision 1 of a new client: the template's items for each device and
   * the site, then the client's own items. Quarterly and yearly items without months are anchored
   * at {@code startMonth}.
   */
  @Transactional
  public ChecklistRevision createFirstRevision(ContractClient client, List<RevisionItem> clientItems, YearMonth startMonth,
      String author, Instant at) {
    if (revisions.latestNumber(client.slug()).isPresent()) {
      throw new ConflictException("client '" + client.slug() + "' already has a checklist");
    }
    StandardTemplate template = templates.current();
    List<RevisionItem> items = new ArrayList<>(fromTemplate(template, client, startMonth.getMonthValue()));
    items.addAll(clientItems == null ? List.of() : clientItems);
    List<RevisionItem> checked = normalise(client, items, Set.of(), startMonth.getMonthValue());
    var revision = new ChecklistRevision(client.slug(), 1, null, template.version(), author, at,
        "Created from the template " + template.name() + " version " + template.version(), true, at, author, checked.size(), null);
    return revisions.insert(revision, checked);
  }

  /** The latest published revision (revision 1 is made from the template if the client has none yet). */
  @Transactional
  public ChecklistRevision current(String clientSlug) {
    return revisions.latestPublished(clientSlug).orElseGet(() -> firstRevisionOfExistingClient(clientSlug));
  }

  /** The number of the client's latest revision, published or not: the base for the next revision. */
  @Transactional
  public int latestNumber(String clientSlug) {
    return revisions.latestNumber(clientSlug).orElseGet(() -> firstRevisionOfExistingClient(clientSlug).number());
  }

  /**
   * The revision executed in {@code month}: the latest published before the month began (revision 1
   * is made from the template if the client has none yet).
   */
  @Transactional
  public ChecklistRevision inForceIn(String clientSlug, YearMonth month) {
    return publishedInForceIn(clientSlug, month).orElseGet(() -> firstRevisionOfExistingClient(clientSlug));
  }

  /** {@link #inForceIn} without writing anything: empty when the client has no published revision yet. */
  public Optional<ChecklistRevision> publishedInForceIn(String clientSlug, YearMonth month) {
    Instant monthStart = month.atDay(1).atStartOfDay(clock.getZone()).toInstant();
    return revisions.latestPublishedBefore(clientSlug, monthStart).or(() -> revisions.firstPublished(clientSlug));
  }

  /** The items of the revision in force in {@code month} that are due in that month, in order. */
  @Transactional
  public List<RevisionItem> itemsDueIn(String clientSlug, YearMonth month) {
    return dueIn(inForceIn(clientSlug, month), month);
  }

  /** The client's latest revision, published or not, with its items: the base of the next revision. */
  @Transactional
  public ChecklistRevision latest(String clientSlug) {
    return revision(clientSlug, latestNumber(clientSlug));
  }

  private static List<RevisionItem> dueIn(ChecklistRevision revision, YearMonth month) {
    return revision.items().stream().filter(i -> i.recurrence().isDueIn(month.getMonth())).toList();
  }

  /** {@link #itemsDueIn} as the rows of the Execute form ({@code checklistItems}). */
  @Transactional
  public List<ChecklistItem> checklistDueIn(String clientSlug, YearMonth month) {
    return checklistDueIn(inForceIn(clientSlug, month), month);
  }

  /** The items of {@code revision} due in {@code month}, as the rows of the Execute form. */
  public List<ChecklistItem> checklistDueIn(ChecklistRevision revision, YearMonth month) {
    return dueIn(revision, month).stream().map(RevisionItem::toChecklistItem).toList();
  }

  /**
   * Makes an unpublished revision from the full new list of items, based on {@code baseRevision}
   * (which must be the client's latest revision). Items without an id are new; new quarterly or
   * yearly items without months are anchored at {@code anchorMonth}.
   *
   * @return the new revision, or empty when nothing changed (then nothing is stored)
   * @throws IllegalArgumentException for bad items, or a change without a change note
   * @throws ConflictException when another revision was made since {@code baseRevision}
   */
  @Transactional
  public Optional<ChecklistRevision> revise(String clientSlug, int baseRevision, List<RevisionItem> newItems, String author,
      String changeNote, YearMonth anchorMonth) {
    ContractClient client = requireClient(clientSlug);
    if (revisions.latestNumber(clientSlug).isEmpty()) {
      firstRevisionOfExistingClient(clientSlug);
    }
    revisions.lockClient(clientSlug);
    int latest = revisions.latestNumber(clientSlug).orElseThrow();
    if (baseRevision != latest) {
      throw new ConflictException("revision " + baseRevision + " of '" + clientSlug + "' is not the latest (" + latest
          + "): revise the latest one");
    }
    ChecklistRevision base = revision(clientSlug, baseRevision);
    if (newItems == null) {
      throw new IllegalArgumentException("items must be given (the full new checklist)");
    }
    Set<String> baseIds = new HashSet<>();
    base.items().forEach(i -> baseIds.add(i.id()));
    List<RevisionItem> checked = normalise(client, newItems, baseIds, anchorMonth.getMonthValue());
    ChecklistDiff diff = ChecklistDiff.between(clientSlug, baseRevision, base.items(), latest + 1, checked);
    if (diff.isEmpty()) {
      return Optional.empty();
    }
    String note = Texts.requireText("changeNote", changeNote, Texts.TEXT_MAX, false, true);
    if (note == null) {
      throw new IllegalArgumentException("changeNote is required when the checklist changes: say what changed and why");
    }
    Texts.requireText("author", author, 64, true, false);
    var revision = new ChecklistRevision(clientSlug, latest + 1, baseRevision, base.templateVersion(), author, clock.instant(),
        note, false, null, null, checked.size(), null);
    return Optional.of(revisions.insert(revision, checked));
  }

  /** {@link #revise(String, int, List, String, String, YearMonth)} anchored at the current month. */
  @Transactional
  public Optional<ChecklistRevision> revise(String clientSlug, int baseRevision, List<RevisionItem> newItems, String author,
      String changeNote) {
    return revise(clientSlug, baseRevision, newItems, author, changeNote, YearMonth.now(clock));
  }

  /**
   * Publishes a revision: it is executed from the month after {@code at}. Publishing a published
   * revision again changes nothing.
   *
   * @throws ConflictException when a later revision is already published
   */
  @Transactional
  public ChecklistRevision publish(String clientSlug, int number, String publishedBy, Instant at) {
    ChecklistRevision revision = revision(clientSlug, number);
    if (revision.published()) {
      return revision;
    }
    Optional<ChecklistRevision> published = revisions.latestPublished(clientSlug);
    if (published.isPresent() && published.get().number() > number) {
      throw new ConflictException("revision " + published.get().number() + " of '" + clientSlug
          + "' is already published; revision " + number + " is older and cannot be published any more");
    }
    revisions.markPublished(clientSlug, number, publishedBy, at);
    return revision(clientSlug, number);
  }

  /** What changed from revision {@code a} to revision {@code b} (either may be the older). */
  public ChecklistDiff diff(String clientSlug, int a, int b) {
    return ChecklistDiff.between(clientSlug, a, revision(clientSlug, a).items(), b, revision(clientSlug, b).items());
  }

  /** Every active client's published checklist (its latest published revision), by client name. */
  public List<PublishedChecklist> published() {
    return revisions.latestPublishedOfActiveClients();
  }

  /** Every revision of the client, oldest first, without items. */
  public List<ChecklistRevision> revisions(String clientSlug) {
    requireClient(clientSlug);
    return revisions.list(clientSlug);
  }

  public ChecklistRevision revision(String clientSlug, int number) {
    return revisions.find(clientSlug, number)
        .orElseThrow(() -> new NotFoundException("client '" + clientSlug + "' has no checklist revision " + number));
  }

  private ChecklistRevision firstRevisionOfExistingClient(String clientSlug) {
    ContractClient client = requireClient(clientSlug);
    revisions.lockClient(clientSlug);
    Optional<Integer> madeMeanwhile = revisions.latestNumber(clientSlug);
    if (madeMeanwhile.isPresent()) {
      // another cycle of this client (another month) made the first revision while we waited for the lock
      return revision(clientSlug, madeMeanwhile.get());
    }
    return createFirstRevision(client, List.of(), YearMonth.now(clock), "mmc-cycle", clock.instant());
  }

  private ContractClient requireClient(String clientSlug) {
    return clients.find(clientSlug).orElseThrow(() -> new NotFoundException("there is no client '" + clientSlug + "'"));
  }

  static List<RevisionItem> fromTemplate(StandardTemplate template, ContractClient client, int startMonth) {
    List<RevisionItem> items = new ArrayList<>();
    for (Device device : client.devices()) {
      addSections(items, template, device.name(), device.kind().name(), device.kind().label(), startMonth);
    }
    addSections(items, template, SITE, StandardTemplate.SITE, SITE, startMonth);
    return items;
  }

  private static void addSections(List<RevisionItem> items, StandardTemplate template, String device, String kind, String kindLabel,
      int startMonth) {
    String deviceSlug = ChecklistService.slug(device);
    for (StandardTemplate.Section section : template.sections()) {
      if (section.appliesTo().contains(kind)) {
        for (StandardTemplate.Item item : section.items()) {
          Recurrence recurrence = Recurrence.of(item.frequency(), item.months(), startMonth);
          items.add(new RevisionItem(deviceSlug + "/" + item.key(), device, kindLabel, section.title(), item.text(),
              recurrence.frequency(), recurrence.months(), Boolean.TRUE.equals(item.onSiteRequired())));
        }
      }
    }
  }

  /** Checks every item, fills in defaults and ids of new items; says which item is wrong. */
  private static List<RevisionItem> normalise(ContractClient client, List<RevisionItem> items, Set<String> takenIds, int anchorMonth) {
    Map<String, String> kinds = new HashMap<>();
    client.devices().forEach(d -> kinds.put(d.name(), d.kind().label()));
    kinds.put(SITE, SITE);
    Set<String> ids = new HashSet<>();
    items.stream().filter(i -> i != null && i.id() != null && !i.id().isBlank()).forEach(i -> ids.add(i.id().trim()));
    Set<String> seen = new HashSet<>();
    List<RevisionItem> result = new ArrayList<>();
    for (int n = 0; n < items.size(); n++) {
      RevisionItem item = items.get(n);
      String where = "item " + (n + 1);
      if (item == null) {
        throw new IllegalArgumentException(where + " is empty");
      }
      String device = Texts.requireText(where + " device", item.device(), 100, true, false);
      String section = Texts.requireText(where + " section", item.section(), Texts.NAME_MAX, true, false);
      String text = Texts.requireText(where + " text", item.text(), Texts.TEXT_MAX, true, true);
      String kind = Texts.requireText(where + " deviceKind", item.deviceKind(), 32, false, false);
      if (kind == null) {
        kind = kinds.getOrDefault(device, "Device");
      }
      String id = item.id() == null || item.id().isBlank() ? null : item.id().trim();
      if (id == null) {
        String prefix = ChecklistService.slug(device) + "/custom-";
        int k = 1;
        while (ids.contains(prefix + k) || takenIds.contains(prefix + k)) {
          k++;
        }
        id = prefix + k;
        ids.add(id);
      } else if (!ITEM_ID.matcher(id).matches() || id.contains("..")) {
        throw new IllegalArgumentException(where + " id '" + id + "' may hold only letters, digits and / _ . - (at most 200)");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(where + ": the id '" + id + "' is used by two items");
      }
      Recurrence recurrence;
      try {
        recurrence = Recurrence.of(item.frequency(), item.dueMonths(), anchorMonth);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + " (" + id + "): " + e.getMessage());
      }
      result.add(new RevisionItem(id, device, kind, section, text, recurrence.frequency(), recurrence.months(), item.isOnSiteRequired()));
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("a checklist needs at least one item");
    }
    return result;
  }
}

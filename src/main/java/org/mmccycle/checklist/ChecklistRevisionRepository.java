package org.mmccycle.checklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Revisions of the clients' checklists and their items, in mmc_checklist_revision and mmc_checklist_item. */
@Repository
public class ChecklistRevisionRepository {

  private static final String REVISION_COLUMNS = "r.id, r.client_slug, r.number, r.base_number, r.template_version, r.author, "
      + "r.created_at, r.change_note, r.published, r.published_at, r.published_by";
  /** A revision read with its items (which give its item count). */
  private static final String HEAD = "select " + REVISION_COLUMNS + " from mmc_checklist_revision r ";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public ChecklistRevisionRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * Locks the client's row until the transaction ends: whoever makes a revision of the client holds
   * it, so two transactions never both take "latest + 1" (two months of one client opened at once).
   */
  public void lockClient(String clientSlug) {
    jdbc.sql("select slug from mmc_client where slug = ? for update").param(clientSlug).query(String.class).optional();
  }

  public Optional<Integer> latestNumber(String clientSlug) {
    int latest = jdbc.sql("select coalesce(max(number), 0) from mmc_checklist_revision where client_slug = ?")
        .param(clientSlug).query(Integer.class).single();
    return latest == 0 ? Optional.empty() : Optional.of(latest);
  }

  /** Inserts the revision and its items (in list order); returns the revision as stored. */
  public ChecklistRevision insert(ChecklistRevision revision, List<RevisionItem> items) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("insert into mmc_checklist_revision (client_slug, number, base_number, template_version, author, created_at, change_note, "
            + "published, published_at, published_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(revision.clientSlug(), revision.number(), revision.baseNumber(), revision.templateVersion(), revision.author(),
            Timestamp.from(revision.createdAt()), revision.changeNote(), revision.published(), timestamp(revision.publishedAt()),
            revision.publishedBy())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    // one batch for the items (a first revision has about 70)
    List<Object[]> rows = new ArrayList<>(items.size());
    int position = 0;
    for (RevisionItem item : items) {
      Recurrence recurrence = item.recurrence();
      rows.add(new Object[] {id, item.id(), position++, item.device(), item.deviceKind(), item.section(), item.text(),
          recurrence.frequency().name(), recurrence.storedMonths(), item.isOnSiteRequired()});
    }
    batch.batchUpdate("insert into mmc_checklist_item (revision_id, item_id, position, device, device_kind, section, text, frequency, "
        + "due_months, on_site_required) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    return revision.withItems(items);
  }

  public List<ChecklistRevision> list(String clientSlug) {
    return jdbc.sql("select " + REVISION_COLUMNS + ", (select count(*) from mmc_checklist_item i where i.revision_id = r.id) as item_count "
            + "from mmc_checklist_revision r where r.client_slug = ? order by r.number")
        .param(clientSlug).query((rs, n) -> revision(rs, rs.getInt("item_count"))).list();
  }

  public Optional<ChecklistRevision> find(String clientSlug, int number) {
    return withItems(jdbc.sql(HEAD + "where r.client_slug = ? and r.number = ?").params(clientSlug, number));
  }

  /** The published revision with the highest number. */
  public Optional<ChecklistRevision> latestPublished(String clientSlug) {
    return withItems(jdbc.sql(HEAD + "where r.client_slug = ? and r.published = true order by r.number desc fetch first 1 rows only")
        .param(clientSlug));
  }

  /** Every active client's latest published revision (without items), with the client's name, by name. */
  public List<PublishedChecklist> latestPublishedOfActiveClients() {
    return jdbc.sql("select r.client_slug, c.name, r.number, r.published_at, r.published_by, r.change_note "
            + "from mmc_checklist_revision r join mmc_client c on c.slug = r.client_slug "
            + "where c.active = true and r.published = true and r.number = (select max(p.number) from mmc_checklist_revision p "
            + "where p.client_slug = r.client_slug and p.published = true) order by c.name, r.client_slug")
        .query((rs, n) -> new PublishedChecklist(rs.getString("client_slug"), rs.getString("name"), rs.getInt("number"),
            rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"),
            rs.getString("change_note")))
        .list();
  }

  /** The highest-numbered revision published before {@code instant}. */
  public Optional<ChecklistRevision> latestPublishedBefore(String clientSlug, Instant instant) {
    return withItems(jdbc.sql(HEAD + "where r.client_slug = ? and r.published = true and r.published_at < ? "
            + "order by r.number desc fetch first 1 rows only")
        .params(clientSlug, Timestamp.from(instant)));
  }

  /** The first revision ever published (the one a client starts its first month with). */
  public Optional<ChecklistRevision> firstPublished(String clientSlug) {
    return withItems(jdbc.sql(HEAD + "where r.client_slug = ? and r.published = true order by r.number fetch first 1 rows only")
        .param(clientSlug));
  }

  public boolean markPublished(String clientSlug, int number, String publishedBy, Instant publishedAt) {
    return jdbc.sql("update mmc_checklist_revision set published = true, published_at = ?, published_by = ? "
            + "where client_slug = ? and number = ? and published = false")
        .params(Timestamp.from(publishedAt), publishedBy, clientSlug, number).update() == 1;
  }

  public long countRevisions() {
    return jdbc.sql("select count(*) from mmc_checklist_revision").query(Long.class).single();
  }

  public long countItems() {
    return jdbc.sql("select count(*) from mmc_checklist_item").query(Long.class).single();
  }

  /** The revision the query finds (at most one), with its items: read by the revision's id. */
  private Optional<ChecklistRevision> withItems(JdbcClient.StatementSpec query) {
    record Found(long id, ChecklistRevision revision) {}
    return query.query((rs, n) -> new Found(rs.getLong("id"), revision(rs, 0))).optional()
        .map(found -> found.revision().withItems(items(found.id())));
  }

  private List<RevisionItem> items(long revisionId) {
    return jdbc.sql("select * from mmc_checklist_item where revision_id = ? order by position")
        .param(revisionId)
        .query((rs, n) -> {
          Recurrence recurrence = Recurrence.fromStored(rs.getString("frequency"), rs.getString("due_months"));
          return new RevisionItem(rs.getString("item_id"), rs.getString("device"), rs.getString("device_kind"), rs.getString("section"),
              rs.getString("text"), recurrence.frequency(), recurrence.months(), rs.getBoolean("on_site_required"));
        })
        .list();
  }

  private ChecklistRevision revision(ResultSet rs, int itemCount) throws SQLException {
    return new ChecklistRevision(rs.getString("client_slug"), rs.getInt("number"), (Integer) rs.getObject("base_number", Integer.class),
        rs.getObject("template_version", Integer.class), rs.getString("author"), instant(rs.getTimestamp("created_at")),
        rs.getString("change_note"), rs.getBoolean("published"), instant(rs.getTimestamp("published_at")), rs.getString("published_by"),
        itemCount, null);
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}

package org.mmccycle.archive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Searches the archive index across clients and months (see {@link RecordQuery}). */
@Service
public class ArchiveSearch {

  private final JdbcClient jdbc;

  public ArchiveSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Matching records, newest month first, then by client and version. */
  public List<RecordHit> search(RecordQuery query) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder sql = new StringBuilder("select " + ArchiveIndex.COLUMNS
        + ", (select min(c.id) from mmc_filed_record c where c.previous_version_id = r.id) corrected_by"
        + " from mmc_filed_record r where 1 = 1");
    if (query.client() != null) {
      sql.append(" and (r.client_slug = :client or lower(r.client_name) like :clientName escape '\\')");
      params.put("client", query.client());
      params.put("clientName", contains(query.client()));
    }
    if (query.from() != null) {
      sql.append(" and r.cycle_month >= :from");
      params.put("from", query.from());
    }
    if (query.to() != null) {
      sql.append(" and r.cycle_month <= :to");
      params.put("to", query.to());
    }
    String itemCriteria = itemCriteria(query, params);
    if (query.hasItemCriteria()) {
      sql.append(" and exists (select 1 from mmc_filed_item i where i.record_id = r.id").append(itemCriteria).append(')');
    }
    sql.append(" order by r.cycle_month desc, r.client_slug, r.version limit ").append(query.limit());
    Map<Long, RecordHit> hits = new LinkedHashMap<>();
    jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
      Long correctedBy = rs.getObject("corrected_by", Long.class);
      ArchivedRecord record = ArchiveIndex.row(rs, n);
      return new RecordHit(record, correctedBy, new ArrayList<>());
    }).list().forEach(hit -> hits.put(hit.record().id(), hit));
    if (query.hasItemCriteria() && !hits.isEmpty()) {
      params.put("ids", hits.keySet());
      jdbc.sql("select i.record_id, i.device, i.section, i.item_text, i.status, i.note from mmc_filed_item i"
              + " where i.record_id in (:ids)" + itemCriteria + " order by i.record_id, i.position")
          .params(params)
          .query(rs -> {
            hits.get(rs.getLong("record_id")).items().add(new RecordHit.Item(rs.getString("device"),
                rs.getString("section"), rs.getString("item_text"), rs.getString("status"), rs.getString("note")));
          });
    }
    return hits.values().stream().map(hit -> new RecordHit(hit.record(), hit.correctedById(), List.copyOf(hit.items())))
        .toList();
  }

  private static String itemCriteria(RecordQuery query, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder();
    if (query.status() != null) {
      sql.append(" and i.status = :status");
      params.put("status", query.status());
    }
    if (query.section() != null) {
      sql.append(" and lower(i.section) like :section escape '\\'");
      params.put("section", contains(query.section()));
    }
    if (query.text() != null) {
      sql.append(" and (lower(i.item_text) like :text escape '\\' or lower(i.note) like :text escape '\\')");
      params.put("text", contains(query.text()));
    }
    return sql.toString();
  }

  /** A LIKE pattern for "contains", case-insensitive, with the caller's % and _ taken literally. */
  private static String contains(String value) {
    String escaped = value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}

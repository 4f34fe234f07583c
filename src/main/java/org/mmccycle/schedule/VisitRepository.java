package org.mmccycle.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The visit calendar's table. */
@Repository
public class VisitRepository {

  private static final String SELECT = """
      select v.*, c.name as client_name from mmc_visit v join mmc_client c on c.slug = v.client_slug
      """;

  private final JdbcClient jdbc;

  public VisitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Visit> find(String clientSlug, String cycleMonth) {
    return jdbc.sql(SELECT + " where v.client_slug = ? and v.cycle_month = ?")
        .params(clientSlug, cycleMonth).query(VisitRepository::map).optional();
  }

  public List<Visit> between(LocalDate from, LocalDate toInclusive) {
    return jdbc.sql(SELECT + " where v.planned_date between ? and ? order by v.planned_date, v.client_slug")
        .params(from, toInclusive).query(VisitRepository::map).list();
  }

  public List<Visit> inMonth(YearMonth month) {
    return between(month.atDay(1), month.atEndOfMonth());
  }

  public List<Visit> ofClient(String clientSlug) {
    return jdbc.sql(SELECT + " where v.client_slug = ? order by v.planned_date desc").param(clientSlug).query(VisitRepository::map).list();
  }

  public List<Visit> ofTechnician(String technician) {
    return jdbc.sql(SELECT + " where v.technician = ? order by v.planned_date").param(technician).query(VisitRepository::map).list();
  }

  public List<Visit> all() {
    return jdbc.sql(SELECT + " order by v.planned_date").query(VisitRepository::map).list();
  }

  /** The client's last visit before the month: planned or done, the date that spacing is measured from. */
  public Optional<LocalDate> lastVisitBefore(String clientSlug, YearMonth month) {
    return jdbc.sql("select max(planned_date) from mmc_visit where client_slug = ? and planned_date < ?")
        .params(clientSlug, month.atDay(1)).query(LocalDate.class).optional();
  }

  public Optional<LocalDate> lastOnSiteVisit(String clientSlug) {
    return jdbc.sql("select max(planned_date) from mmc_visit where client_slug = ? and status = 'DONE' and visit_mode = 'on-site'")
        .param(clientSlug).query(LocalDate.class).optional();
  }

  public int visitsOfTechnicianOn(String technician, LocalDate date, String exceptClientSlug) {
    if (technician == null) {
      return 0;
    }
    return jdbc.sql("select count(*) from mmc_visit where technician = ? and planned_date = ? and client_slug <> ?")
        .params(technician, date, exceptClientSlug).query(Integer.class).single();
  }

  public void insert(String uid, String clientSlug, String cycleMonth, String technician, LocalDate date, String explanation) {
    jdbc.sql("""
        insert into mmc_visit (uid, client_slug, cycle_month, technician, planned_date, status, explanation)
        values (?, ?, ?, ?, ?, 'PLANNED', ?)""")
        .params(uid, clientSlug, cycleMonth, technician, date, explanation).update();
  }

  /** Moves the visit; the sequence grows so that subscribed calendars update the same event. */
  public void move(String clientSlug, String cycleMonth, LocalDate date, String explanation, String overrideReason, String overriddenBy) {
    jdbc.sql("""
        update mmc_visit set planned_date = ?, explanation = ?, override_reason = ?, overridden_by = ?,
          sequence_number = sequence_number + case when planned_date = ? then 0 else 1 end, updated_at = current_timestamp
        where client_slug = ? and cycle_month = ?""")
        .params(date, explanation, overrideReason, overriddenBy, date, clientSlug, cycleMonth).update();
  }

  public void markDone(String clientSlug, String cycleMonth, String visitMode, Timestamp executedAt) {
    jdbc.sql("""
        update mmc_visit set status = 'DONE', visit_mode = ?, executed_at = ?, sequence_number = sequence_number + 1,
          updated_at = current_timestamp where client_slug = ? and cycle_month = ?""")
        .params(visitMode, executedAt, clientSlug, cycleMonth).update();
  }

  private static Visit map(ResultSet rs, int row) throws SQLException {
    Timestamp executed = rs.getTimestamp("executed_at");
    return new Visit(rs.getLong("id"), rs.getString("uid"), rs.getString("client_slug"), rs.getString("client_name"),
        rs.getString("cycle_month"), rs.getString("technician"), rs.getObject("planned_date", LocalDate.class),
        Visit.Status.valueOf(rs.getString("status")), rs.getString("visit_mode"), executed == null ? null : executed.toInstant(),
        rs.getInt("sequence_number"), rs.getString("explanation"), rs.getString("override_reason"),
        rs.getString("overridden_by"), rs.getTimestamp("updated_at").toInstant());
  }
}

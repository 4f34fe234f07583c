package org.mmccycle.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Contract clients and their devices, in the application's own tables. */
@Repository
public class ClientRepository {

  private static final String SELECT_CLIENT = "select slug, name, contact, site_address, technician, active from mmc_client";

  private final JdbcClient jdbc;

  public ClientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<String> activeClientSlugs() {
    return jdbc.sql("select slug from mmc_client where active = true order by slug").query(String.class).list();
  }

  public Optional<ContractClient> find(String slug) {
    return jdbc.sql(SELECT_CLIENT + " where slug = ?").param(slug).query((rs, n) -> client(rs, devicesOf(slug))).optional();
  }

  /** A client's name and whether it is active, without its devices. */
  public record Standing(String name, boolean active) {}

  /** What decides who is responsible for a client's jobs: its service tier, its region, its named technician. */
  public record Routing(String tier, String region, String technician) {}

  public Optional<Routing> routing(String slug) {
    return jdbc.sql("select tier, region, technician from mmc_client where slug = ?").param(slug)
        .query((rs, n) -> new Routing(rs.getString("tier"), rs.getString("region"), rs.getString("technician"))).optional();
  }

  /** The client's name and whether it is active; empty when there is no such client. */
  public Optional<Standing> standing(String slug) {
    return jdbc.sql("select name, active from mmc_client where slug = ?").param(slug)
        .query((rs, n) -> new Standing(rs.getString("name"), rs.getBoolean("active"))).optional();
  }

  /**
   * The same, and the client's row locked until the transaction ends: whoever opens the client's cycle
   * at the same moment (a second node, the round and a manager at once) waits here, then finds it open.
   */
  public Optional<Standing> lockedStanding(String slug) {
    return jdbc.sql("select name, active from mmc_client where slug = ? for update").param(slug)
        .query((rs, n) -> new Standing(rs.getString("name"), rs.getBoolean("active"))).optional();
  }

  /** Every client, active or not, by slug: two queries, whatever the number of clients. */
  public List<ContractClient> list() {
    Map<String, List<Device>> devices = new HashMap<>();
    jdbc.sql("select client_slug, name, kind from mmc_device order by id")
        .query((rs, n) -> devices.computeIfAbsent(rs.getString("client_slug"), slug -> new ArrayList<>()).add(device(rs)))
        .list();
    return jdbc.sql(SELECT_CLIENT + " order by slug")
        .query((rs, n) -> client(rs, devices.getOrDefault(rs.getString("slug"), List.of())))
        .list();
  }

  /** Every client's preferred visit day as stored, by slug (clients without one are missing). */
  public Map<String, String> visitPreferences() {
    Map<String, String> preferences = new HashMap<>();
    jdbc.sql("select slug, visit_preference from mmc_client where visit_preference is not null")
        .query((rs, n) -> preferences.put(rs.getString("slug"), rs.getString("visit_preference"))).list();
    return preferences;
  }

  public boolean exists(String slug) {
    return jdbc.sql("select count(*) from mmc_client where slug = ?").param(slug).query(Long.class).single() > 0;
  }

  /** The client's preferred visit day as stored ("2 TUESDAY"), or empty. */
  public Optional<String> visitPreference(String slug) {
    return jdbc.sql("select visit_preference from mmc_client where slug = ?").param(slug).query(String.class).optional();
  }

  @Transactional
  public void setVisitPreference(String slug, String visitPreference) {
    jdbc.sql("update mmc_client set visit_preference = ? where slug = ?").params(visitPreference, slug).update();
  }

  public long countDevices() {
    return jdbc.sql("select count(*) from mmc_device").query(Long.class).single();
  }

  public List<Device> devicesOf(String slug) {
    return jdbc.sql("select name, kind from mmc_device where client_slug = ? order by id").param(slug)
        .query((rs, n) -> device(rs)).list();
  }

  private static ContractClient client(ResultSet rs, List<Device> devices) throws SQLException {
    return new ContractClient(rs.getString("slug"), rs.getString("name"), rs.getString("contact"), rs.getString("site_address"),
        rs.getString("technician"), rs.getBoolean("active"), devices);
  }

  private static Device device(ResultSet rs) throws SQLException {
    return new Device(rs.getString("name"), DeviceKind.valueOf(rs.getString("kind")));
  }

  public long count() {
    return jdbc.sql("select count(*) from mmc_client").query(Long.class).single();
  }

  @Transactional
  public void insert(ContractClient client) {
    jdbc.sql("insert into mmc_client (slug, name, contact, site_address, technician, active) values (?, ?, ?, ?, ?, ?)")
        .params(client.slug(), client.name(), client.contact(), client.siteAddress(), client.technician(), client.active())
        .update();
    for (Device device : client.devices()) {
      jdbc.sql("insert into mmc_device (client_slug, name, kind) values (?, ?, ?)")
          .params(client.slug(), device.name(), device.kind().name())
          .update();
    }
  }

  /** Returns false when there is no such client. */
  @Transactional
  public boolean setActive(String slug, boolean active) {
    return jdbc.sql("update mmc_client set active = ? where slug = ?").params(active, slug).update() == 1;
  }
}

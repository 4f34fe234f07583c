package org.mmccycle.client;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Contract clients and their devices, in the application's own tables. */
@Repository
public class ClientRepository {

  private final JdbcClient jdbc;

  public ClientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<String> activeClientSlugs() {
    return jdbc.sql("select slug from mmc_client where active = true order by slug").query(String.class).list();
  }

  public Optional<ContractClient> find(String slug) {
    return jdbc.sql("select slug, name, contact, site_address, technician, active from mmc_client where slug = ?")
        .param(slug)
        .query((rs, n) -> new ContractClient(rs.getString("slug"), rs.getString("name"), rs.getString("contact"),
            rs.getString("site_address"), rs.getString("technician"), rs.getBoolean("active"), devicesOf(slug)))
        .optional();
  }

  public List<Device> devicesOf(String slug) {
    return jdbc.sql("select name, kind from mmc_device where client_slug = ? order by id")
        .param(slug)
        .query((rs, n) -> new Device(rs.getString("name"), DeviceKind.valueOf(rs.getString("kind"))))
        .list();
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

  @Transactional
  public void setActive(String slug, boolean active) {
    jdbc.sql("update mmc_client set active = ? where slug = ?").params(active, slug).update();
  }
}

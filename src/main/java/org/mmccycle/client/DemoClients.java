package org.mmccycle.client;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** A few demo clients with devices, loaded only in the demo setup and only into an empty database. */
@Component
@Profile("demo")
public class DemoClients {

  private static final Logger LOG = LoggerFactory.getLogger(DemoClients.class);

  static final List<ContractClient> CLIENTS = List.of(
      new ContractClient("harbour-dental", "Harbour Dental Practice", "Dr. Mara Olsen", "12 Quay Street, Portsmouth", "tina", true,
          List.of(new Device("HD-SRV01", DeviceKind.SERVER), new Device("HD-NAS01", DeviceKind.STORAGE),
              new Device("HD-PRN-Reception", DeviceKind.PRINTER))),
      new ContractClient("kessler-law", "Kessler & Partner Law Office", "Jonas Kessler", "Lindenallee 4, Hamburg", "tom", true,
          List.of(new Device("KL-DC01", DeviceKind.SERVER), new Device("KL-FW01", DeviceKind.NETWORK),
              new Device("KL-MFP-2F", DeviceKind.PRINTER))),
      new ContractClient("greenfield-builders", "Greenfield Builders Ltd", "Amy Carter", "Unit 7, Mill Lane Estate, Leeds", "tina", true,
          List.of(new Device("GB-SRV01", DeviceKind.SERVER), new Device("GB-SRV02", DeviceKind.SERVER),
              new Device("GB-SAN01", DeviceKind.STORAGE))),
      new ContractClient("old-mill-bakery", "Old Mill Bakery", "Peter Brandt", "Mühlenweg 1, Lüneburg", "tom", false,
          List.of(new Device("OMB-SRV01", DeviceKind.SERVER))));

  private final ClientRepository clients;

  public DemoClients(ClientRepository clients) {
    this.clients = clients;
  }

  public void loadDemoClients() {
    if (clients.count() > 0) {
      return;
    }
    CLIENTS.forEach(clients::insert);
    LOG.warn("DEMO SETUP: loaded {} demo clients ({} active)", CLIENTS.size(), CLIENTS.stream().filter(ContractClient::active).count());
  }
}
